#include "data/corpus/manifestdiff.h"

#include <QMap>
#include <QSet>

namespace DeployDesk {

ManifestDiff ManifestDiff::compute(const ChunkManifest &previous, const ChunkManifest &current)
{
    ManifestDiff diff;
    diff.fingerprintChanged =
        !previous.fingerprint.isEmpty() && previous.fingerprint != current.fingerprint;

    QHash<QUuid, const ManifestEntry *> before;
    before.reserve(previous.entries.size());
    QHash<QByteArray, const ManifestEntry *> beforeByHash;
    for (const ManifestEntry &e : previous.entries) {
        before.insert(e.id, &e);
        beforeByHash.insert(e.sha256, &e);
    }
    QSet<QUuid> seen;
    seen.reserve(current.entries.size());
    QMap<QString, File> files;
    const auto file = [&](const QString &path) -> File & {
        File &f = files[path];
        f.docPath = path;
        return f;
    };

    for (const ManifestEntry &e : current.entries) {
        seen.insert(e.id);
        File &f = file(e.docPath);
        const ManifestEntry *old = before.value(e.id);
        if (old && old->sha256 == e.sha256) {
            ++f.unchanged;
            ++diff.unchanged;
            continue;
        }
        if (old) {
            ++f.changed;
            ++diff.changed;
        } else {
            ++f.added;
            ++diff.added;
        }
        f.tokensToEmbed += e.tokens;
        diff.tokensToEmbed += e.tokens;
        diff.toEmbed.append(e);
        if (const ManifestEntry *same = beforeByHash.value(e.sha256)) {
            diff.reusable.insert(e.id, same->id);
            diff.reusableTokens += e.tokens;
        }
    }
    for (const ManifestEntry &e : previous.entries) {
        if (seen.contains(e.id))
            continue;
        ++file(e.docPath).removed;
        ++diff.removed;
        diff.toDelete.append(e.id);
    }

    // A doc that is all new, whose every chunk text comes from one doc that is gone
    // entirely, was renamed (or moved) from it.
    QHash<QString, QList<const ManifestEntry *>> currentByDoc;
    for (const ManifestEntry &e : current.entries)
        currentByDoc[e.docPath].append(&e);
    for (File &f : files) {
        if (f.added == 0 || f.unchanged != 0 || f.changed != 0 || f.removed != 0)
            continue;
        QString source;
        bool renamed = true;
        for (const ManifestEntry *e : currentByDoc.value(f.docPath)) {
            const QUuid from = diff.reusable.value(e->id);
            const ManifestEntry *old = from.isNull() ? nullptr : before.value(from);
            if (!old || (!source.isEmpty() && old->docPath != source)) {
                renamed = false;
                break;
            }
            source = old->docPath;
        }
        const File gone = files.value(source);
        if (renamed && !source.isEmpty() && gone.added == 0 && gone.changed == 0 &&
            gone.unchanged == 0)
            f.renamedFrom = source;
    }
    diff.files = files.values();
    return diff;
}

} // namespace DeployDesk
