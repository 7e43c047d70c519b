#include "data/corpus/sha256.h"

#include "data/corpus/chunk.h"

#include <openssl/sha.h>

namespace DeployDesk {

QByteArray sha256(QByteArrayView bytes)
{
    QByteArray digest(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    SHA256(reinterpret_cast<const unsigned char *>(bytes.data()), size_t(bytes.size()),
           reinterpret_cast<unsigned char *>(digest.data()));
    return digest;
}

QByteArray sha1(QByteArrayView a, QByteArrayView b)
{
    // The one-shot call (SHA1_Init/Update/Final are deprecated in OpenSSL 3).
    QByteArray both;
    both.reserve(a.size() + b.size());
    both.append(a).append(b);
    QByteArray digest(SHA_DIGEST_LENGTH, Qt::Uninitialized);
    SHA1(reinterpret_cast<const unsigned char *>(both.constData()), size_t(both.size()),
         reinterpret_cast<unsigned char *>(digest.data()));
    return digest;
}

QUuid pointId(const QString &key)
{
    static const QByteArray space = chunkIdNamespace().toRfc4122();
    QByteArray digest = sha1(space, key.toUtf8());
    digest.truncate(16);
    digest[6] = char((quint8(digest[6]) & 0x0f) | 0x50); // version 5
    digest[8] = char((quint8(digest[8]) & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(digest);
}

} // namespace DeployDesk
