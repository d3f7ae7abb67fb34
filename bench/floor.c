/* The floor: cmark-gfm alone rendering the Markdown bodies of a site.
 *
 *   cc -O2 -o floor bench/floor.c $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions -lpthread
 *   ./floor [-j THREADS] SITE_DIR
 *
 * Reads every .md file under SITE_DIR/advisories and SITE_DIR/content, drops the
 * +++ front matter, and renders the body to HTML with the options and GFM
 * extensions herald uses (table, strikethrough, autolink, tasklist, tagfilter;
 * footnotes). Nothing else: no front matter parsing, no templates, no writing.
 * Prints the number of files, Markdown bytes and HTML bytes. The files are read
 * into memory before the clock that matters (use `time` around the whole run;
 * reading is a small share).
 */
#define _GNU_SOURCE
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
  char *text;
  size_t len;
} Doc;

static Doc *docs;
static size_t ndocs, cap;
static atomic_size_t next_doc;
static atomic_size_t html_bytes;

static void add_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  size_t got = fread(buf, 1, (size_t)n, f);
  fclose(f);
  buf[got] = 0;
  char *body = buf;
  if (strncmp(buf, "+++\n", 4) == 0) {
    char *end = strstr(buf + 4, "\n+++\n");
    if (end) body = end + 5;
  }
  if (ndocs == cap) {
    cap = cap ? cap * 2 : 1024;
    docs = realloc(docs, cap * sizeof *docs);
  }
  docs[ndocs].text = body;
  docs[ndocs].len = got - (size_t)(body - buf);
  ndocs++;
}

static void walk(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(path, &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) walk(path);
    else if (strlen(e->d_name) > 3 && strcmp(e->d_name + strlen(e->d_name) - 3, ".md") == 0) add_file(path);
  }
  closedir(d);
}

static void *worker(void *arg) {
  (void)arg;
  int opts = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  static const char *exts[] = {"table", "strikethrough", "autolink", "tasklist", "tagfilter"};
  size_t bytes = 0;
  for (size_t i = next_doc++; i < ndocs; i = next_doc++) {
    cmark_parser *p = cmark_parser_new(opts);
    for (size_t k = 0; k < sizeof exts / sizeof *exts; k++) {
      cmark_syntax_extension *ext = cmark_find_syntax_extension(exts[k]);
      if (ext) cmark_parser_attach_syntax_extension(p, ext);
    }
    cmark_parser_feed(p, docs[i].text, docs[i].len);
    cmark_node *doc = cmark_parser_finish(p);
    char *html = cmark_render_html(doc, opts, cmark_parser_get_syntax_extensions(p));
    bytes += strlen(html);
    free(html);
    cmark_node_free(doc);
    cmark_parser_free(p);
  }
  html_bytes += bytes;
  return NULL;
}

int main(int argc, char **argv) {
  int threads = 1;
  int i = 1;
  if (argc > 2 && strcmp(argv[1], "-j") == 0) {
    threads = atoi(argv[2]);
    i = 3;
  }
  if (i >= argc || threads < 1) {
    fprintf(stderr, "usage: floor [-j THREADS] SITE_DIR\n");
    return 2;
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/advisories", argv[i]);
  walk(path);
  snprintf(path, sizeof path, "%s/content", argv[i]);
  walk(path);
  cmark_gfm_core_extensions_ensure_registered();
  size_t md_bytes = 0;
  for (size_t k = 0; k < ndocs; k++) md_bytes += docs[k].len;
  pthread_t tid[64];
  if (threads > 64) threads = 64;
  for (int t = 1; t < threads; t++) pthread_create(&tid[t], NULL, worker, NULL);
  worker(NULL);
  for (int t = 1; t < threads; t++) pthread_join(tid[t], NULL);
  printf("%zu files, %zu Markdown bytes, %zu HTML bytes\n", ndocs, md_bytes, (size_t)html_bytes);
  return 0;
}
