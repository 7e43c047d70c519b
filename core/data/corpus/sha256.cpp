#include "data/corpus/sha256.h"

#include <openssl/sha.h>

namespace DeployDesk {

QByteArray sha256(QByteArrayView bytes)
{
    QByteArray digest(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    SHA256(reinterpret_cast<const unsigned char *>(bytes.data()), size_t(bytes.size()),
           reinterpret_cast<unsigned char *>(digest.data()));
    return digest;
}

} // namespace DeployDesk
