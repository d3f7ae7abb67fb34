// herald: hands the command line to the CLI and returns its exit code.
#include "cli/cli.h"

int main(int argc, char** argv) { return herald::cli::Run(argc, argv); }
