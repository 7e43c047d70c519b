#pragma once

#include "common/error.h"

#include <QCoreApplication>
#include <QString>

#include <string>
#include <unordered_map>

namespace DeployDesk::LocalSite {

// What a release's file looked like in the build folder when it was published (the
// copy keeps its size, modification time and mode).
struct ManifestEntry
{
    qint64 size = 0;
    qint64 mtimeNs = 0; // since the epoch
    quint32 mode = 0;   // permission bits
    friend bool operator==(const ManifestEntry &, const ManifestEntry &) = default;
};

// Every regular file of a release, by path relative to the release folder (bytes, as the
// file system has them). Stored next to the release as a text file: one line per file,
// "size<TAB>mtime-ns<TAB>mode-octal<TAB>path" with %, TAB and control characters of the
// path percent-encoded, after a header ("# ..." lines) that holds the copy's start time.
class SiteManifest final
{
    Q_DECLARE_TR_FUNCTIONS(SiteManifest)

public:
    void add(std::string path, ManifestEntry entry) { m_entries[std::move(path)] = entry; }
    const ManifestEntry *find(const std::string &path) const;
    qsizetype size() const { return qsizetype(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }
    // When the copy began (ns since the epoch; 0 when unknown). A file modified this
    // close to it may have changed again within the same timestamp tick: see isTrusted().
    qint64 startedNs() const { return m_startedNs; }
    void setStartedNs(qint64 ns) { m_startedNs = ns; }
    // Whether `entry`'s time can tell a later change apart: false for a file modified less
    // than two seconds before the copy began (timestamps tick coarsely; some file systems
    // keep whole seconds), as git does for its "racily clean" index entries.
    bool isTrusted(const ManifestEntry &entry) const;

    // Written with QSaveFile: whole or not at all.
    Result<void> write(const QString &fileName) const;
    // NotFound when the file does not exist.
    static Result<SiteManifest> read(const QString &fileName);

private:
    std::unordered_map<std::string, ManifestEntry> m_entries;
    qint64 m_startedNs = 0;
};

} // namespace DeployDesk::LocalSite
