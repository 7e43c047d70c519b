#pragma once

#include <QString>
#include <QStringList>

namespace DeployDesk::Internal {

// Optimal string alignment distance: insertions, deletions, substitutions and
// transpositions of two neighbours each cost 1.
int editDistance(QStringView a, QStringView b);

// The candidate a user most likely meant by `word`: a case-insensitive match, else the
// closest one within edit distance 2 (first in list order on a tie). Empty when none,
// and always empty past 500 candidates (guesses among that many names are noise).
QString closestMatch(const QString &word, const QStringList &candidates);

// `; did you mean "x"?` or an empty string.
QString didYouMean(const QString &word, const QStringList &candidates);

// `a, b, c` — for "known types: ..." style lists.
QString joinNames(const QStringList &names);

} // namespace DeployDesk::Internal
