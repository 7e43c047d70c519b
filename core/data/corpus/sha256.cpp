#include "data/corpus/sha256.h"

#include "data/corpus/chunk.h"

#include <QCryptographicHash>

#include <openssl/opensslv.h>
#include <openssl/sha.h>

#include <dlfcn.h>

namespace DeployDesk {

namespace {
// libcrypto is opened when the first digest is asked for, not linked: its 21,000
// relocations cost every start of deploydeskctl and the panel ~3 ms before main()
// (docs/benchmarks.md §1), and only chunking a corpus hashes. The declarations come from
// OpenSSL's own header, so a changed signature fails the build. Without the library
// (not expected: Qt's TLS needs it too) Qt's slower SHA gives the same digests.
struct Crypto
{
    decltype(&::SHA256) sha256 = nullptr;
    decltype(&::SHA1) sha1 = nullptr;
};

const Crypto &crypto()
{
    static const Crypto loaded = [] {
        Crypto c;
        void *lib =
            ::dlopen("libcrypto.so." QT_STRINGIFY(OPENSSL_SHLIB_VERSION), RTLD_NOW | RTLD_LOCAL);
        if (!lib)
            return c;
        c.sha256 = reinterpret_cast<decltype(&::SHA256)>(::dlsym(lib, "SHA256"));
        c.sha1 = reinterpret_cast<decltype(&::SHA1)>(::dlsym(lib, "SHA1"));
        return c; // the library stays loaded for the process
    }();
    return loaded;
}
} // namespace

QByteArray sha256(QByteArrayView bytes)
{
    const auto digestOf = crypto().sha256;
    if (!digestOf)
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    QByteArray digest(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    digestOf(reinterpret_cast<const unsigned char *>(bytes.data()), size_t(bytes.size()),
             reinterpret_cast<unsigned char *>(digest.data()));
    return digest;
}

QByteArray sha1(QByteArrayView a, QByteArrayView b)
{
    // The one-shot call (SHA1_Init/Update/Final are deprecated in OpenSSL 3).
    QByteArray both;
    both.reserve(a.size() + b.size());
    both.append(a).append(b);
    const auto digestOf = crypto().sha1;
    if (!digestOf)
        return QCryptographicHash::hash(both, QCryptographicHash::Sha1);
    QByteArray digest(SHA_DIGEST_LENGTH, Qt::Uninitialized);
    digestOf(reinterpret_cast<const unsigned char *>(both.constData()), size_t(both.size()),
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
