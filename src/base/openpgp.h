// OpenPGP signatures through GnuPG Made Easy (GPGME; the only GPGME
// includer): detached ASCII-armoured signatures for the CSAF provider's .asc
// files, and cleartext signatures (security.txt).
//
// `key` is a key id, fingerprint or user id of a secret key in the GnuPG home
// of the user running herald (GNUPGHOME, else ~/.gnupg), or the path of an
// exported secret key file, which is imported into a throwaway GnuPG home that
// the signer deletes again. herald never asks for a passphrase: the key must
// have none or be unlocked in gpg-agent. Signatures carry their creation time,
// so unlike every other output they differ from build to build.
// Not thread-safe: one signer per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace herald {

class OpenPgpSigner {
 public:
  OpenPgpSigner();
  ~OpenPgpSigner();
  OpenPgpSigner(const OpenPgpSigner&) = delete;
  OpenPgpSigner& operator=(const OpenPgpSigner&) = delete;

  /// Selects the signing key; false with `error` saying why it cannot sign.
  bool Open(const std::string& key, std::string* error);
  /// Fingerprint of the selected key, upper-case hex.
  const std::string& fingerprint() const { return fingerprint_; }
  /// An ASCII-armoured detached signature of `bytes`.
  bool SignDetached(std::string_view bytes, std::string* signature, std::string* error);
  /// `bytes` as an ASCII-armoured cleartext-signed message.
  bool ClearSign(std::string_view bytes, std::string* signed_text, std::string* error);

 private:
  struct State;
  bool Sign(std::string_view bytes, bool detached, std::string* out, std::string* error);
  std::unique_ptr<State> state_;
  std::string fingerprint_;
};

}  // namespace herald
