#include "deploy/localsite/sitemanifest.h"

#include <QFile>
#include <QSaveFile>

#include <algorithm>
#include <vector>

namespace DeployDesk::LocalSite {
namespace {
const QByteArray kHeader = "# deploydesk local-site manifest 1\n";
const QByteArray kStarted = "# started-ns ";
constexpr qint64 kRacyWindowNs = 2'000'000'000;

void appendEncoded(QByteArray &out, const std::string &path)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == '%' || c == 0x7f) {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xf];
        } else {
            out += ch;
        }
    }
}
} // namespace

const ManifestEntry *SiteManifest::find(const std::string &path) const
{
    const auto it = m_entries.find(path);
    return it == m_entries.end() ? nullptr : &it->second;
}

bool SiteManifest::isTrusted(const ManifestEntry &entry) const
{
    return m_startedNs > 0 && entry.mtimeNs < m_startedNs - kRacyWindowNs;
}

Result<void> SiteManifest::write(const QString &fileName) const
{
    // Sorted, so two manifests of the same site compare (and diff) line by line.
    std::vector<const std::pair<const std::string, ManifestEntry> *> sorted;
    sorted.reserve(m_entries.size());
    for (const auto &item : m_entries)
        sorted.push_back(&item);
    std::sort(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->first < b->first; });

    QByteArray out = kHeader + kStarted + QByteArray::number(m_startedNs) + '\n';
    out.reserve(qsizetype(m_entries.size()) * 64);
    for (const auto *item : sorted) {
        out += QByteArray::number(item->second.size) + '\t' +
               QByteArray::number(item->second.mtimeNs) + '\t' +
               QByteArray::number(item->second.mode, 8) + '\t';
        appendEncoded(out, item->first);
        out += '\n';
    }
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(out) != out.size() || !file.commit())
        return makeError(ErrorCode::Io,
                         tr("cannot write the manifest %1: %2").arg(fileName, file.errorString()));
    return {};
}

Result<SiteManifest> SiteManifest::read(const QString &fileName)
{
    QFile file(fileName);
    if (!file.exists())
        return makeError(ErrorCode::NotFound, tr("no manifest at %1").arg(fileName));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         tr("cannot read the manifest %1: %2").arg(fileName, file.errorString()));
    const QByteArray data = file.readAll();
    const QByteArrayView all(data);
    SiteManifest manifest;
    for (qsizetype start = 0; start < all.size();) {
        qsizetype end = all.indexOf('\n', start);
        if (end < 0)
            end = all.size();
        const QByteArrayView line = all.sliced(start, end - start);
        start = end + 1;
        if (line.startsWith(kStarted))
            manifest.m_startedNs = line.sliced(kStarted.size()).toLongLong();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype t1 = line.indexOf('\t');
        const qsizetype t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
        const qsizetype t3 = t2 < 0 ? -1 : line.indexOf('\t', t2 + 1);
        if (t3 < 0)
            continue; // a line this version does not understand: that file is copied again
        bool ok1 = false, ok2 = false, ok3 = false;
        ManifestEntry entry;
        entry.size = line.first(t1).toLongLong(&ok1);
        entry.mtimeNs = line.sliced(t1 + 1, t2 - t1 - 1).toLongLong(&ok2);
        entry.mode = line.sliced(t2 + 1, t3 - t2 - 1).toUInt(&ok3, 8);
        if (!ok1 || !ok2 || !ok3)
            continue;
        const QByteArray path = QByteArray::fromPercentEncoding(line.sliced(t3 + 1).toByteArray());
        manifest.add(path.toStdString(), entry);
    }
    return manifest;
}

} // namespace DeployDesk::LocalSite
