#pragma once

#include "common/error.h"
#include "config/pipeline.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QProcessEnvironment>
#include <QStringList>

#include <atomic>

namespace DeployDesk {

// Stage caches (issue 11 §7), as CI users know them: a stage's `cache: { key, paths }`
// folders are restored before the stage runs and saved after it succeeds, under a key that
// changes when what they are made from changes. An entry is <dataDir>/caches/<id>/ with
// meta.json (the key, its files' hashes, the paths, the run that saved it), `used` (when it
// was last restored) and tree/ (the saved files, each a hard link to its object in the
// artifact store, so a cached file that is also a kept artifact takes its size once).
// An entry is never changed once saved: a hit is not saved again. Entries are evicted
// least-recently-used when all of them together pass the cache size cap.

struct CacheKey
{
    QString name;                 // as shown: the text, or "<prefix>-<12 hex>"
    QString id;                   // the entry's folder: a hex SHA-256 of the key and the paths
    bool fromFiles = false;       // `key: { files, prefix }`
    QMap<QString, QString> files; // key file (relative to the workdir) -> hex SHA-256
};

// The key of `cache` for a stage with this workdir and environment: `key: TEXT` with $NAME
// expanded from `env`, or the prefix and every file the `files:` globs match (its path and
// the SHA-256 of its content; a link by its target) hashed together. Io naming a key file
// that cannot be read; NotFound when the globs match no file; Invalid when a text key holds
// one of `secretValues` (a key is kept on disk in the clear).
Result<CacheKey> cacheKeyFor(const StageCache &cache, const QString &workdir,
                             const QProcessEnvironment &env, const QStringList &secretValues = {});

struct CacheOutcome
{
    bool hit = false;  // restore: the entry was there and restored; save: an entry was saved
    QStringList lines; // for the stage's log: hit or miss and why, what was restored or saved
    qint64 files = 0;  // restored or saved
    qint64 bytes = 0;
    qint64 newBytes = 0;    // save: what the saved files added to the disk
    int evicted = 0;        // save: entries evicted to stay under the cap
    bool cancelled = false; // stopped by `cancel`: nothing saved, or a restore cut short
};

// Restores the entry of `key` into `workdir`, over what is there (files are copied out, so
// a stage that changes them never changes the entry). A miss says why: no entry with this
// key yet or, when an entry with the same prefix and paths exists, which key files changed,
// are new or are gone since the run that saved it. Nothing is written outside `workdir`,
// also where a folder in it is a link leading out. `cancel` is checked between files.
Result<CacheOutcome> restoreCache(const QString &dataDir, const StageCache &cache,
                                  const CacheKey &key, const QString &workdir,
                                  const std::atomic_bool *cancel = nullptr);

// Saves the cache's paths (relative to `workdir`) under `key`: files stored by content,
// links as links, empty folders as folders. Paths that do not exist are named in the
// lines; when none exists nothing is saved. Then evicts the least recently used entries
// (never the one just saved) while all entries together take more than `maxBytes`.
// Cancelled (`cancel`): nothing is saved. Io naming what could not be read or written.
Result<CacheOutcome> saveCache(const QString &dataDir, const StageCache &cache, const CacheKey &key,
                               const QString &workdir, const QString &stage, qint64 runId,
                               qint64 maxBytes, const std::atomic_bool *cancel = nullptr);

// The cap from DEPLOYDESK_CACHE_MAX_SIZE ("5G", "500M"; default 5 GB). When it is set to
// something that is no size: the default, with the text in `*bad`.
qint64 cacheMaxBytes(QString *bad = nullptr);

// <dataDir>/caches
QString cachesDir(const QString &dataDir);

struct CacheEntry
{
    QString id;
    QString name;
    QString prefix;
    QStringList patterns; // the key's `files:` globs
    QStringList paths;
    QMap<QString, QString> keyFiles;
    QString stage;
    qint64 runId = 0;
    qint64 files = 0;
    qint64 bytes = 0;
    QDateTime created;
    QDateTime lastUsed;
};

// The saved entries, most recently used first; entries whose meta.json cannot be read are
// left out.
QList<CacheEntry> listCaches(const QString &dataDir);

} // namespace DeployDesk
