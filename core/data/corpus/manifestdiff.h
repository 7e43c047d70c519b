#pragma once

#include "data/corpus/chunkmanifest.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

namespace DeployDesk {

// What changed between the manifest of an index version and the current docs (or any two
// manifests), shown before anything is sent to an embedding provider.
//   new        an id the previous manifest does not have
//   changed    the same id (same doc, section and part) with other content
//   removed    an id the current docs no longer give: its point is deleted
//   unchanged  same id, same SHA-256: nothing to do
// A new or changed chunk whose exact text the previous version already had (a renamed or
// moved doc, a section moved to another file) is also listed in `reusable`: its vector can
// be copied from the previous index instead of being embedded again.
struct ManifestDiff
{
    struct File
    {
        QString docPath;
        int added = 0;
        int changed = 0;
        int removed = 0;
        int unchanged = 0;
        qint64 tokensToEmbed = 0; // estimated tokens of its new and changed chunks
        QString renamedFrom;      // a removed doc whose every chunk text this new doc has
    };

    QList<File> files;            // every doc of either side, sorted by path
    QList<ManifestEntry> toEmbed; // new and changed chunks (current side), in order
    QList<QUuid> toDelete;        // removed chunks' ids
    QHash<QUuid, QUuid> reusable; // id in toEmbed -> previous id with the same text
    int added = 0;
    int changed = 0;
    int removed = 0;
    int unchanged = 0;
    qint64 tokensToEmbed = 0;        // estimated billed tokens if everything in toEmbed is embedded
    qint64 reusableTokens = 0;       // of which this many could be copied instead
    bool fingerprintChanged = false; // chunked under other rules or options

    // Number of embedding inputs (one per new or changed chunk).
    int inputs() const { return int(toEmbed.size()); }
    bool isEmpty() const { return added == 0 && changed == 0 && removed == 0; }

    static ManifestDiff compute(const ChunkManifest &previous, const ChunkManifest &current);
};

} // namespace DeployDesk
