#include "deploy/vercel/sitedigest.h"
#include "common/async.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QPromise>
#include <QThreadPool>

#include <algorithm>

namespace DeployDesk::Vercel {
namespace {
struct DigestTr
{
    Q_DECLARE_TR_FUNCTIONS(DeployDesk::Vercel::Digest)
};

constexpr qint64 kChunk = 256 * 1024;

// What the Vercel CLI never uploads either.
bool isIgnoredDir(const QString &name)
{
    return name == QLatin1String(".git") || name == QLatin1String(".vercel") ||
           name == QLatin1String(".hg") || name == QLatin1String(".svn");
}

bool isIgnoredFile(const QString &name)
{
    return name == QLatin1String(".DS_Store");
}

Result<QByteArray> sha1Of(QFile &file, const std::function<bool()> &cancelled)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    // addData(QIODevice *) reads in small blocks; chunks here only let a cancel through.
    while (!file.atEnd()) {
        if (cancelled && cancelled())
            return makeError(ErrorCode::Internal, DigestTr::tr("cancelled"));
        const qint64 before = file.pos();
        QByteArray block = file.read(kChunk);
        if (block.isEmpty() && file.pos() == before) {
            return makeError(
                ErrorCode::Io,
                DigestTr::tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        }
        hash.addData(block);
    }
    return hash.result().toHex();
}
} // namespace

Result<SiteManifest> hashFolder(const QString &folder, const std::function<bool()> &cancelled)
{
    SiteManifest manifest;
    const QDir root(folder);
    if (!root.exists())
        return makeError(ErrorCode::NotFound, DigestTr::tr("%1 does not exist").arg(folder));

    // Walk by hand so ignored folders are never entered.
    QStringList pending{root.absolutePath()};
    while (!pending.isEmpty()) {
        const QString dir = pending.takeLast();
        QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            it.next();
            const QFileInfo info = it.fileInfo();
            if (info.isDir()) {
                if (isIgnoredDir(info.fileName()) || info.isSymLink())
                    ++manifest.skipped;
                else
                    pending.append(info.absoluteFilePath());
                continue;
            }
            if (!info.isFile() || isIgnoredFile(info.fileName())) {
                ++manifest.skipped;
                continue;
            }
            SiteFile file;
            file.absolutePath = info.absoluteFilePath();
            file.path = root.relativeFilePath(file.absolutePath);
            manifest.files.append(std::move(file));
        }
    }
    std::sort(manifest.files.begin(), manifest.files.end(),
              [](const SiteFile &a, const SiteFile &b) { return a.path < b.path; });

    for (SiteFile &entry : manifest.files) {
        if (cancelled && cancelled())
            return makeError(ErrorCode::Internal, DigestTr::tr("cancelled"));
        QFile file(entry.absolutePath);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(
                ErrorCode::Io,
                DigestTr::tr("cannot read %1: %2").arg(entry.absolutePath, file.errorString()));
        auto sha1 = sha1Of(file, cancelled);
        if (!sha1)
            return std::unexpected(sha1.error());
        entry.sha1 = *sha1;
        entry.size = file.size();
        manifest.totalBytes += entry.size;
    }
    return manifest;
}

DigestJob::DigestJob(QString folder, QObject *parent)
    : Job(parent)
    , m_folder(std::move(folder))
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        if (isFinished() || !m_watcher.future().isValid() || m_watcher.future().resultCount() == 0)
            return;
        Outcome outcome = m_watcher.future().result();
        if (!outcome.ok) {
            emitFailure(std::move(outcome.error));
            return;
        }
        m_manifest = std::move(outcome.manifest);
        emitSuccess();
    });
}

DigestJob::~DigestJob()
{
    *m_stop = true;
    // The worker holds only shared state; waiting keeps the pool's thread from outliving a
    // test's QCoreApplication with work in hand.
    m_watcher.waitForFinished();
}

void DigestJob::doStart()
{
    auto promise = std::make_shared<QPromise<Outcome>>();
    m_watcher.setFuture(promise->future());
    promise->start();
    workPool()->start([promise, folder = m_folder, stop = m_stop] {
        auto result = hashFolder(folder, [&stop] { return stop->load(); });
        Outcome outcome;
        if (result) {
            outcome.ok = true;
            outcome.manifest = std::move(*result);
        } else {
            outcome.error = result.error();
        }
        promise->addResult(std::move(outcome));
        promise->finish();
    });
}

void DigestJob::doCancel()
{
    *m_stop = true;
    emitCancelled();
}

} // namespace DeployDesk::Vercel
