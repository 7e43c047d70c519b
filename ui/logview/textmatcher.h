#pragma once

#include <QByteArray>
#include <QByteArrayMatcher>
#include <QByteArrayView>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <utility>

namespace DeployDesk::Ui::Internal {

// What the find bar looks for: plain text or a regular expression, with or without case.
// Counting works on a line's ANSI-stripped UTF-8 bytes without converting plain searches
// to QString (the fast path that makes counting millions of lines cheap); highlighting
// works on the QString the view draws. Matches do not overlap; empty regex matches do
// not count. Copyable, and const use is thread-safe (workers get a copy).
class TextMatcher final
{
public:
    TextMatcher() = default;
    TextMatcher(const QString &pattern, bool regex, bool caseSensitive);

    bool isEmpty() const { return m_pattern.isEmpty(); }
    bool isValid() const { return !m_regex || m_re.isValid(); }
    QString errorString() const { return m_re.errorString(); }
    QString pattern() const { return m_pattern; }
    bool isRegex() const { return m_regex; }
    bool isCaseSensitive() const { return m_caseSensitive; }

    // Occurrences in a line's stripped UTF-8 text.
    int count(QByteArrayView utf8) const;
    // [start, length) ranges, in QChar units, of the occurrences in `text`.
    QList<std::pair<int, int>> find(const QString &text) const;

private:
    QString m_pattern;
    bool m_regex = false;
    bool m_caseSensitive = false;
    bool m_asciiFold = false; // case-insensitive plain search for an ASCII needle
    QByteArray m_needle;      // UTF-8 (ASCII-lowercased when m_asciiFold)
    QByteArrayMatcher m_matcher;
    QRegularExpression m_re;
};

} // namespace DeployDesk::Ui::Internal
