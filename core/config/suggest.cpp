#include "config/suggest.h"

#include "config/messages.h"

#include <QList>

#include <algorithm>

namespace DeployDesk::Internal {

int editDistance(QStringView a, QStringView b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    // Three rows are enough for the transposition rule.
    QList<int> prev2(m + 1, 0);
    QList<int> prev(m + 1, 0);
    QList<int> cur(m + 1, 0);
    for (qsizetype j = 0; j <= m; ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

QString closestMatch(const QString &word, const QStringList &candidates)
{
    if (word.isEmpty())
        return {};
    // Past a few hundred names a guess is noise, and the work would add up when many
    // names are wrong.
    constexpr qsizetype maxCandidates = 500;
    if (candidates.size() > maxCandidates)
        return {};
    for (const QString &c : candidates) {
        if (c.compare(word, Qt::CaseInsensitive) == 0 && c != word)
            return c;
    }
    constexpr int maxDistance = 2;
    QString best;
    int bestDistance = maxDistance + 1;
    for (const QString &c : candidates) {
        if (c == word || std::abs(c.size() - word.size()) > maxDistance)
            continue;
        const int d = editDistance(word, c);
        // A one-letter name is "within 2" of everything; demand some shared letters.
        if (d < bestDistance && d < c.size()) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}

QString didYouMean(const QString &word, const QStringList &candidates)
{
    const QString match = closestMatch(word, candidates);
    if (match.isEmpty())
        return {};
    return msg("; did you mean \"%1\"?").arg(match);
}

QString joinNames(const QStringList &names)
{
    return names.join(QStringLiteral(", "));
}

} // namespace DeployDesk::Internal
