#include "engine/stagecache.h"

#include "common/bytesize.h"
#include "common/filestore.h"
#include "common/globfiles.h"
#include "common/regularfile.h"
#include "common/translate.h"
#include "engine/stagejob.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace DeployDesk {

namespace {

constexpr qint64 kDefaultMaxBytes = 5LL * 1000 * 1000 * 1000;
constexpr int kNamesShown = 5;

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool cancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

void addField(QCryptographicHash &hash, const QString &value)
{
    const QByteArray bytes = value.toUtf8();
    hash.addData(QByteArray::number(bytes.size()));
    hash.addData(QByteArrayView(":", 1));
    hash.addData(bytes);
}

Result<QString> hashKeyFile(const QString &path, const QString &relative)
{
    const QFileInfo info(path);
    if (info.isSymLink())
        return QStringLiteral("link:") + info.symLinkTarget();
    QFile file;
    if (auto opened = openRegularFile(file, path); !opened) {
        if (opened.error().kind == FileProblem::Kind::NotRegular)
            return QStringLiteral("special:") + opened.error().fileKind;
        return makeError(
            ErrorCode::Io,
            tr("cannot read cache key file %1: %2").arg(relative, opened.error().reason));
    }
    QCryptographicHash content(QCryptographicHash::Sha256);
    if (!content.addData(&file))
        return makeError(ErrorCode::Io,
                         tr("cannot read cache key file %1: %2").arg(relative, file.errorString()));
    return QString::fromLatin1(content.result().toHex());
}

QString entryDir(const QString &dataDir, const QString &id)
{
    return cachesDir(dataDir) + u'/' + id;
}

QString tmpDir(const QString &dataDir)
{
    return cachesDir(dataDir) + QStringLiteral("/tmp");
}

void markUsed(const QString &dir)
{
    QSaveFile used(dir + QStringLiteral("/used"));
    if (used.open(QIODevice::WriteOnly)) {
        used.write(QByteArray::number(QDateTime::currentMSecsSinceEpoch()));
        used.commit();
    }
}

std::optional<CacheEntry> readEntry(const QString &dir)
{
    QFile file(dir + QStringLiteral("/meta.json"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    if (o.value(QStringLiteral("format")).toInt() != 1)
        return std::nullopt;
    CacheEntry e;
    e.id = QFileInfo(dir).fileName();
    e.name = o.value(QStringLiteral("name")).toString();
    e.prefix = o.value(QStringLiteral("prefix")).toString();
    for (const QJsonValue v : o.value(QStringLiteral("patterns")).toArray())
        e.patterns << v.toString();
    for (const QJsonValue v : o.value(QStringLiteral("paths")).toArray())
        e.paths << v.toString();
    const QJsonObject files = o.value(QStringLiteral("keyFiles")).toObject();
    for (auto it = files.begin(); it != files.end(); ++it)
        e.keyFiles.insert(it.key(), it.value().toString());
    e.stage = o.value(QStringLiteral("stage")).toString();
    e.runId = o.value(QStringLiteral("run")).toInteger();
    e.files = o.value(QStringLiteral("files")).toInteger();
    e.bytes = o.value(QStringLiteral("bytes")).toInteger();
    e.created = QDateTime::fromMSecsSinceEpoch(o.value(QStringLiteral("created")).toInteger());
    QFile used(dir + QStringLiteral("/used"));
    const qint64 usedMs =
        used.open(QIODevice::ReadOnly) ? used.readAll().trimmed().toLongLong() : 0;
    e.lastUsed = usedMs > 0 ? QDateTime::fromMSecsSinceEpoch(usedMs) : e.created;
    return e;
}

// "a, b, c and 2 more"
QString someNames(const QStringList &names)
{
    if (names.size() <= kNamesShown)
        return names.join(QStringLiteral(", "));
    return tr("%1 and %n more", nullptr, int(names.size() - kNamesShown))
        .arg(names.mid(0, kNamesShown).join(QStringLiteral(", ")));
}

// Why `key` missed: what changed since the newest entry of the same prefix, globs and paths.
QString missReason(const QString &dataDir, const StageCache &cache, const CacheKey &key)
{
    const QString none =
        tr("cache miss: nothing was saved under key %1 yet, or it was evicted").arg(key.name);
    if (!key.fromFiles)
        return none;
    std::optional<CacheEntry> last;
    for (const CacheEntry &e : listCaches(dataDir)) {
        if (e.prefix == cache.prefix && e.patterns == cache.keyFiles && e.paths == cache.paths &&
            !e.keyFiles.isEmpty() && (!last || e.created > last->created))
            last = e;
    }
    if (!last)
        return none;
    QStringList changed, added, gone;
    for (auto it = key.files.cbegin(); it != key.files.cend(); ++it) {
        const auto old = last->keyFiles.constFind(it.key());
        if (old == last->keyFiles.cend())
            added << it.key();
        else if (*old != it.value())
            changed << it.key();
    }
    for (auto it = last->keyFiles.cbegin(); it != last->keyFiles.cend(); ++it) {
        if (!key.files.contains(it.key()))
            gone << it.key();
    }
    QStringList why;
    if (!changed.isEmpty())
        why << tr("changed: %1").arg(someNames(changed));
    if (!added.isEmpty())
        why << tr("new: %1").arg(someNames(added));
    if (!gone.isEmpty())
        why << tr("gone: %1").arg(someNames(gone));
    return tr("cache miss: key %1 is new; since the entry run %2 saved (key %3), %4")
        .arg(key.name)
        .arg(last->runId)
        .arg(last->name, why.join(QStringLiteral("; ")));
}

// Whether the real folder of `dir` (which exists) is `root` or inside it.
bool staysInside(const QString &dir, const QString &root)
{
    const QString real = QFileInfo(dir).canonicalFilePath();
    return !real.isEmpty() && (real == root || real.startsWith(root + u'/'));
}

// Copies the regular file `from` to `to` with `mode`. A new file is created in place
// (O_EXCL: never through a link someone put there meanwhile); a file that is there is
// replaced by one written beside it and renamed over it, so a running program never sees
// half of it and a hard link in the workspace is replaced, not written through.
Result<void> copyOut(const QString &from, const QString &to, mode_t mode, bool replace)
{
    const QByteArray target = QFile::encodeName(to);
    QByteArray name = replace ? target + ".dd-cache-XXXXXX" : target;
    const int out = replace ? ::mkstemp(name.data())
                            : ::open(name.constData(),
                                     O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (out < 0)
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(to, errnoText()));
    const int in = ::open(QFile::encodeName(from).constData(), O_RDONLY | O_CLOEXEC);
    auto fail = [&](bool reading) -> Result<void> {
        const QString reason = errnoText();
        if (in >= 0)
            ::close(in);
        ::close(out);
        ::unlink(name.constData());
        return makeError(ErrorCode::Io, (reading ? tr("cannot read %1: %2").arg(from)
                                                 : tr("cannot write %1: %2").arg(to))
                                            .arg(reason));
    };
    if (in < 0)
        return fail(true);
    for (;;) {
        const ssize_t n = ::copy_file_range(in, nullptr, out, nullptr, 1 << 30, 0);
        if (n == 0)
            break;
        if (n > 0)
            continue;
        if (errno != EXDEV && errno != ENOSYS && errno != EINVAL)
            return fail(false);
        // No in-kernel copy here: read and write.
        char buffer[1 << 16];
        for (;;) {
            const ssize_t r = ::read(in, buffer, sizeof buffer);
            if (r < 0)
                return fail(true);
            if (r == 0)
                break;
            if (::write(out, buffer, size_t(r)) != r)
                return fail(false);
        }
        break;
    }
    ::fchmod(out, mode & 07777);
    ::close(in);
    if (::close(out) != 0) {
        const QString reason = errnoText();
        ::unlink(name.constData());
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(to, reason));
    }
    if (replace && std::rename(name.constData(), target.constData()) != 0) {
        const QString reason = errnoText();
        ::unlink(name.constData());
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(to, reason));
    }
    return {};
}

// Removes a left-behind save or eviction (caches/tmp/*) older than an hour.
void removeStaleTmp(const QString &dataDir)
{
    const QDateTime stale = QDateTime::currentDateTime().addSecs(-3600);
    const QDir dir(tmpDir(dataDir));
    for (const QFileInfo &info :
         dir.entryInfoList(QDir::Dirs | QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)) {
        if (info.lastModified() < stale)
            QDir(info.filePath()).removeRecursively();
    }
}

struct SaveWalk
{
    QString dataDir;
    QString tree;
    const std::atomic_bool *cancel = nullptr;
    CacheOutcome *outcome = nullptr;
};

Result<void> saveOne(SaveWalk &walk, const QString &path, const QString &relative)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st;
    if (::lstat(native.constData(), &st) != 0)
        return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(path, errnoText()));
    const QString target = walk.tree + u'/' + relative;
    if (S_ISLNK(st.st_mode)) {
        QDir().mkpath(QFileInfo(target).absolutePath());
        QByteArray buf(4096, '\0');
        const ssize_t n = ::readlink(native.constData(), buf.data(), buf.size());
        if (n <= 0 ||
            ::symlink(buf.left(n).constData(), QFile::encodeName(target).constData()) != 0)
            return makeError(ErrorCode::Io,
                             tr("cannot save the link %1: %2").arg(path, errnoText()));
        ++walk.outcome->files;
        return {};
    }
    if (S_ISDIR(st.st_mode)) {
        QDir().mkpath(target);
        QDirIterator it(path,
                        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        QStringList children;
        while (it.hasNext())
            children << it.next();
        children.sort();
        for (const QString &child : std::as_const(children)) {
            if (cancelled(walk.cancel))
                return {}; // saveCache() sees it
            if (auto saved = saveOne(walk, child, relative + u'/' + QFileInfo(child).fileName());
                !saved)
                return saved;
        }
        return {};
    }
    if (!S_ISREG(st.st_mode))
        return {}; // a FIFO, socket or device is never opened, and not kept
    auto stored =
        storeByContent(walk.dataDir, path, target, &walk.outcome->bytes, &walk.outcome->newBytes);
    if (!stored)
        return std::unexpected(stored.error());
    ++walk.outcome->files;
    return {};
}

} // namespace

QString cachesDir(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("caches"));
}

qint64 cacheMaxBytes(QString *bad)
{
    const QString text = qEnvironmentVariable("DEPLOYDESK_CACHE_MAX_SIZE");
    if (text.trimmed().isEmpty())
        return kDefaultMaxBytes;
    const qint64 bytes = parseBytes(text);
    if (bytes >= 0)
        return bytes;
    if (bad)
        *bad = text;
    return kDefaultMaxBytes;
}

Result<CacheKey> cacheKeyFor(const StageCache &cache, const QString &workdir,
                             const QProcessEnvironment &env, const QStringList &secretValues)
{
    CacheKey key;
    QCryptographicHash id(QCryptographicHash::Sha256);
    addField(id, QStringLiteral("deploydesk-cache-1"));
    for (const QString &path : cache.paths)
        addField(id, QStringLiteral("path:") + path);
    if (cache.keyFiles.isEmpty()) {
        key.name = StageJob::expandVariables(cache.key, env);
        for (const QString &secret : secretValues) {
            if (!secret.isEmpty() && key.name.contains(secret))
                return makeError(ErrorCode::Invalid,
                                 tr("the cache key \"%1\" takes the value of a secret, and a key "
                                    "is kept on disk in the clear; make it from files or from "
                                    "variables that are not secrets")
                                     .arg(cache.key));
        }
        addField(id, QStringLiteral("text:") + key.name);
        key.id = QString::fromLatin1(id.result().toHex());
        return key;
    }
    key.fromFiles = true;
    addField(id, QStringLiteral("prefix:") + cache.prefix);
    QCryptographicHash files(QCryptographicHash::Sha256);
    for (const QString &pattern : cache.keyFiles) {
        addField(id, QStringLiteral("pattern:") + pattern);
        for (const QString &file : filesMatchingGlob(QDir::cleanPath(workdir), pattern))
            key.files.insert(file, QString());
    }
    if (key.files.isEmpty())
        return makeError(ErrorCode::NotFound,
                         tr("the cache key's files (%1) match no file in %2")
                             .arg(cache.keyFiles.join(QStringLiteral(", ")), workdir));
    for (auto it = key.files.begin(); it != key.files.end(); ++it) {
        auto hash = hashKeyFile(workdir + u'/' + it.key(), it.key());
        if (!hash)
            return std::unexpected(hash.error());
        it.value() = *hash;
        addField(files, it.key());
        addField(files, *hash);
    }
    const QString filesHex = QString::fromLatin1(files.result().toHex());
    addField(id, QStringLiteral("files:") + filesHex);
    key.name = cache.prefix.isEmpty() ? filesHex.left(12) : cache.prefix + u'-' + filesHex.left(12);
    key.id = QString::fromLatin1(id.result().toHex());
    return key;
}

QList<CacheEntry> listCaches(const QString &dataDir)
{
    QList<CacheEntry> entries;
    const QDir dir(cachesDir(dataDir));
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (name == u"tmp")
            continue;
        if (auto entry = readEntry(dir.filePath(name)))
            entries << *entry;
    }
    std::sort(entries.begin(), entries.end(),
              [](const CacheEntry &a, const CacheEntry &b) { return a.lastUsed > b.lastUsed; });
    return entries;
}

Result<CacheOutcome> restoreCache(const QString &dataDir, const StageCache &cache,
                                  const CacheKey &key, const QString &workdir,
                                  const std::atomic_bool *cancel)
{
    CacheOutcome outcome;
    const QString dir = entryDir(dataDir, key.id);
    const auto entry = readEntry(dir);
    if (!entry) {
        outcome.lines << missReason(dataDir, cache, key);
        return outcome;
    }
    const QString tree = dir + QStringLiteral("/tree");
    const QString root = QFileInfo(workdir).canonicalFilePath();
    if (root.isEmpty())
        return makeError(ErrorCode::Io, tr("the stage's workdir %1 does not exist").arg(workdir));
    QSet<QString> checked; // folders known to lead nowhere outside the workdir
    QStringList outside;
    QDirIterator it(tree, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (cancelled(cancel)) {
            outcome.cancelled = true;
            outcome.lines << tr("cache restore cancelled after %n file(s)", nullptr,
                                int(outcome.files));
            return outcome;
        }
        const QString from = it.next();
        const QString relative = from.mid(tree.size() + 1);
        const QString to = root + u'/' + relative;
        const QString parent = QFileInfo(to).absolutePath();
        if (!checked.contains(parent)) {
            if (!QDir().mkpath(parent))
                return makeError(ErrorCode::Io, tr("cannot create %1").arg(parent));
            if (!staysInside(parent, root)) {
                outside << relative;
                continue;
            }
            checked.insert(parent);
        }
        struct stat st;
        if (::lstat(QFile::encodeName(from).constData(), &st) != 0)
            return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(from, errnoText()));
        const QByteArray toNative = QFile::encodeName(to);
        struct stat there;
        const bool exists = ::lstat(toNative.constData(), &there) == 0;
        if (S_ISDIR(st.st_mode)) {
            if (exists && !S_ISDIR(there.st_mode))
                ::unlink(toNative.constData()); // a file or link where the entry has a folder
            if (!QDir().mkpath(to))
                return makeError(ErrorCode::Io, tr("cannot create %1").arg(to));
            continue;
        }
        if (exists && S_ISDIR(there.st_mode)) {
            outside << relative; // a folder where the entry has a file: left as it is
            continue;
        }
        if (S_ISLNK(st.st_mode)) {
            QByteArray target(4096, '\0');
            const ssize_t n =
                ::readlink(QFile::encodeName(from).constData(), target.data(), target.size());
            if (n <= 0)
                return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(from, errnoText()));
            if (exists)
                ::unlink(toNative.constData());
            if (::symlink(target.left(n).constData(), toNative.constData()) != 0)
                return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(to, errnoText()));
            ++outcome.files;
            continue;
        }
        if (auto copied = copyOut(from, to, st.st_mode, exists); !copied)
            return std::unexpected(copied.error());
        ++outcome.files;
        outcome.bytes += st.st_size;
    }
    markUsed(dir);
    outcome.hit = true;
    outcome.lines << tr("cache hit: key %1, saved by run %2 (stage \"%3\"); restored %n file(s) "
                        "(%4) into %5",
                        nullptr, int(outcome.files))
                         .arg(key.name)
                         .arg(entry->runId)
                         .arg(entry->stage, formatBytes(outcome.bytes),
                              entry->paths.join(QStringLiteral(", ")));
    if (!outside.isEmpty())
        outcome.lines << tr("not restored (a link in the workdir leads outside it, or a folder "
                            "stands where the cache has a file): %1")
                             .arg(someNames(outside));
    return outcome;
}

Result<CacheOutcome> saveCache(const QString &dataDir, const StageCache &cache, const CacheKey &key,
                               const QString &workdir, const QString &stage, qint64 runId,
                               qint64 maxBytes, const std::atomic_bool *cancel)
{
    CacheOutcome outcome;
    const QString dir = entryDir(dataDir, key.id);
    if (QFileInfo::exists(dir + QStringLiteral("/meta.json"))) {
        outcome.lines
            << tr("cache not saved: key %1 was saved meanwhile (by another stage)").arg(key.name);
        return outcome;
    }
    QStringList missing;
    QStringList present;
    for (const QString &path : cache.paths) {
        struct stat st;
        if (::lstat(QFile::encodeName(workdir + u'/' + path).constData(), &st) == 0)
            present << path;
        else
            missing << path;
    }
    if (present.isEmpty()) {
        outcome.lines << tr("cache not saved: none of its paths exists in %1 (%2)")
                             .arg(workdir, cache.paths.join(QStringLiteral(", ")));
        return outcome;
    }
    QDir().mkpath(tmpDir(dataDir));
    removeStaleTmp(dataDir);
    QTemporaryDir tmp(tmpDir(dataDir) + QStringLiteral("/save-XXXXXX"));
    if (!tmp.isValid())
        return makeError(ErrorCode::Io,
                         tr("cannot write %1: %2").arg(tmpDir(dataDir), tmp.errorString()));
    SaveWalk walk{dataDir, tmp.path() + QStringLiteral("/tree"), cancel, &outcome};
    QDir().mkpath(walk.tree);
    for (const QString &path : std::as_const(present)) {
        if (auto saved = saveOne(walk, workdir + u'/' + path, path); !saved)
            return std::unexpected(saved.error());
    }
    if (cancelled(cancel)) {
        outcome = {};
        outcome.cancelled = true;
        outcome.lines << tr("cache not saved: cancelled");
        return outcome;
    }
    QJsonObject meta{
        {QStringLiteral("format"), 1},
        {QStringLiteral("name"), key.name},
        {QStringLiteral("prefix"), cache.prefix},
        {QStringLiteral("patterns"), QJsonArray::fromStringList(cache.keyFiles)},
        {QStringLiteral("paths"), QJsonArray::fromStringList(cache.paths)},
        {QStringLiteral("stage"), stage},
        {QStringLiteral("run"), runId},
        {QStringLiteral("files"), outcome.files},
        {QStringLiteral("bytes"), outcome.bytes},
        {QStringLiteral("created"), QDateTime::currentMSecsSinceEpoch()},
    };
    QJsonObject keyFiles;
    for (auto it = key.files.cbegin(); it != key.files.cend(); ++it)
        keyFiles.insert(it.key(), it.value());
    meta.insert(QStringLiteral("keyFiles"), keyFiles);
    QSaveFile metaFile(tmp.path() + QStringLiteral("/meta.json"));
    if (!metaFile.open(QIODevice::WriteOnly) ||
        metaFile.write(QJsonDocument(meta).toJson(QJsonDocument::Indented)) < 0 ||
        !metaFile.commit())
        return makeError(
            ErrorCode::Io,
            tr("cannot write %1: %2").arg(metaFile.fileName(), metaFile.errorString()));
    markUsed(tmp.path());
    if (std::rename(QFile::encodeName(tmp.path()).constData(),
                    QFile::encodeName(dir).constData()) != 0) {
        if (errno == EEXIST || errno == ENOTEMPTY) {
            outcome.lines << tr("cache not saved: key %1 was saved meanwhile (by another stage)")
                                 .arg(key.name);
            return outcome;
        }
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(dir, errnoText()));
    }
    tmp.setAutoRemove(false); // renamed into place
    outcome.hit = true;
    outcome.lines << tr("cache saved: key %1, %n file(s) (%2; %3 new on disk) from %4", nullptr,
                        int(outcome.files))
                         .arg(key.name, formatBytes(outcome.bytes), formatBytes(outcome.newBytes),
                              present.join(QStringLiteral(", ")));
    if (!missing.isEmpty())
        outcome.lines << tr("not in the cache, as they do not exist: %1")
                             .arg(missing.join(QStringLiteral(", ")));

    // Least recently used first out, until all entries fit under the cap.
    QList<CacheEntry> entries = listCaches(dataDir);
    qint64 total = 0;
    for (const CacheEntry &e : std::as_const(entries))
        total += e.bytes;
    qint64 freed = 0;
    while (total > maxBytes && !entries.isEmpty()) {
        const CacheEntry victim = entries.takeLast();
        if (victim.id == key.id)
            continue;
        // Moved aside first: an entry is whole or gone for a stage restoring it meanwhile.
        const QString aside = tmpDir(dataDir) + QStringLiteral("/evict-") + victim.id;
        if (std::rename(QFile::encodeName(entryDir(dataDir, victim.id)).constData(),
                        QFile::encodeName(aside).constData()) != 0)
            continue;
        QDir(aside).removeRecursively();
        total -= victim.bytes;
        freed += victim.bytes;
        ++outcome.evicted;
    }
    if (outcome.evicted > 0) {
        const ObjectSweep sweep = sweepStoredObjects(dataDir);
        outcome.lines << tr("evicted %n least recently used cache entr(y/ies) (%1 of files; %2 "
                            "freed on disk) to stay under the cap of %3",
                            nullptr, outcome.evicted)
                             .arg(formatBytes(freed), formatBytes(sweep.bytes),
                                  formatBytes(maxBytes));
    }
    if (total > maxBytes)
        outcome.lines << tr("the cache entries take %1, more than the cap of %2 "
                            "(DEPLOYDESK_CACHE_MAX_SIZE); this entry stays until another is saved")
                             .arg(formatBytes(total), formatBytes(maxBytes));
    return outcome;
}

} // namespace DeployDesk
