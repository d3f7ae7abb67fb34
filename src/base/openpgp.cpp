#include "base/openpgp.h"

#include <gpgme.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace herald {

namespace fs = std::filesystem;

struct OpenPgpSigner::State {
  gpgme_ctx_t ctx = nullptr;
  std::string temp_home;  // throwaway GnuPG home for a key file; empty otherwise
};

namespace {

std::string Describe(gpgme_error_t err) { return gpgme_strerror(err); }

// Takes the bytes out of a GPGME data buffer and releases it.
std::string Release(gpgme_data_t data) {
  size_t size = 0;
  char* bytes = gpgme_data_release_and_get_mem(data, &size);
  std::string out = bytes ? std::string(bytes, size) : std::string();
  gpgme_free(bytes);
  return out;
}

}  // namespace

OpenPgpSigner::OpenPgpSigner() : state_(std::make_unique<State>()) {}

OpenPgpSigner::~OpenPgpSigner() {
  if (state_->ctx) gpgme_release(state_->ctx);
  if (!state_->temp_home.empty()) {
    std::error_code ec;
    fs::remove_all(state_->temp_home, ec);  // gpg-agent notices its socket is gone and exits
  }
}

bool OpenPgpSigner::Open(const std::string& key, std::string* error) {
  gpgme_check_version(nullptr);
  gpgme_error_t err = gpgme_new(&state_->ctx);
  if (err) {
    *error = "cannot start GnuPG (GPGME): " + Describe(err);
    return false;
  }
  gpgme_set_protocol(state_->ctx, GPGME_PROTOCOL_OpenPGP);
  gpgme_set_armor(state_->ctx, 1);
  // Never prompt: without a passphrase callback a locked key fails at once.
  gpgme_set_pinentry_mode(state_->ctx, GPGME_PINENTRY_MODE_LOOPBACK);

  std::string pattern = key;
  std::error_code ec;
  if (fs::is_regular_file(key, ec)) {
    std::string tmpl = (fs::temp_directory_path(ec) / "herald-gnupg-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) {
      *error = "cannot create a temporary GnuPG home to import the key file";
      return false;
    }
    state_->temp_home = tmpl;
    gpgme_ctx_set_engine_info(state_->ctx, GPGME_PROTOCOL_OpenPGP, nullptr, tmpl.c_str());
    std::ifstream in(key, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::string bytes = text.str();
    gpgme_data_t data;
    if (gpgme_data_new_from_mem(&data, bytes.data(), bytes.size(), 1)) {
      *error = "cannot read the key file '" + key + "'";
      return false;
    }
    err = gpgme_op_import(state_->ctx, data);
    gpgme_data_release(data);
    gpgme_import_result_t result = err ? nullptr : gpgme_op_import_result(state_->ctx);
    if (!result || result->secret_imported == 0 || !result->imports || !result->imports->fpr) {
      *error = "the key file '" + key + "' holds no OpenPGP secret key" +
               (err ? ": " + Describe(err) : "");
      return false;
    }
    pattern = result->imports->fpr;
  }

  gpgme_key_t found = nullptr;
  err = gpgme_get_key(state_->ctx, pattern.c_str(), &found, 1);
  if (err || !found) {
    // gpgme_get_key wants a fingerprint or key id; a user id needs a listing.
    if (!gpgme_op_keylist_start(state_->ctx, pattern.c_str(), 1)) {
      gpgme_key_t k = nullptr;
      if (!gpgme_op_keylist_next(state_->ctx, &k)) found = k;
      gpgme_op_keylist_end(state_->ctx);
    }
  }
  if (!found || !found->can_sign || found->revoked || found->expired || found->disabled ||
      !found->subkeys || !found->subkeys->fpr) {
    *error = "no usable OpenPGP secret key '" + key + "' in the GnuPG home" +
             (found ? " (it cannot sign, or is revoked, expired or disabled)" : "");
    if (found) gpgme_key_unref(found);
    return false;
  }
  fingerprint_ = found->subkeys->fpr;
  gpgme_signers_clear(state_->ctx);
  err = gpgme_signers_add(state_->ctx, found);
  gpgme_key_unref(found);
  if (err) {
    *error = "cannot sign with key '" + key + "': " + Describe(err);
    return false;
  }
  return true;
}

bool OpenPgpSigner::Sign(std::string_view bytes, bool detached, std::string* out,
                         std::string* error) {
  if (!state_->ctx || fingerprint_.empty()) {
    *error = "no signing key selected";
    return false;
  }
  gpgme_data_t in, sig;
  if (gpgme_data_new_from_mem(&in, bytes.data(), bytes.size(), 0)) {
    *error = "out of memory";
    return false;
  }
  gpgme_data_new(&sig);
  gpgme_error_t err =
      gpgme_op_sign(state_->ctx, in, sig, detached ? GPGME_SIG_MODE_DETACH : GPGME_SIG_MODE_CLEAR);
  gpgme_data_release(in);
  std::string text = Release(sig);
  if (err || text.empty()) {
    *error = "signing with key " + fingerprint_ + " failed: " + Describe(err) +
             " (herald never asks for a passphrase: use a key without one, or unlock it in gpg-agent)";
    return false;
  }
  *out = std::move(text);
  return true;
}

bool OpenPgpSigner::SignDetached(std::string_view bytes, std::string* signature,
                                 std::string* error) {
  return Sign(bytes, true, signature, error);
}

bool OpenPgpSigner::ClearSign(std::string_view bytes, std::string* signed_text, std::string* error) {
  return Sign(bytes, false, signed_text, error);
}

}  // namespace herald
