#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace DeployDesk {

// SHA-256 of `bytes` (32 raw bytes) through OpenSSL's libcrypto, which uses the CPU's SHA
// extensions where there are some: several times faster than QCryptographicHash in Qt 6.4,
// and hashing is a good part of chunking a corpus.
QByteArray sha256(QByteArrayView bytes);

// SHA-1 (20 raw bytes) of `a` followed by `b`, the same way: for UUIDv5 ids.
QByteArray sha1(QByteArrayView a, QByteArrayView b);

} // namespace DeployDesk
