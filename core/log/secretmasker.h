#pragma once

#include <QByteArray>
#include <QByteArrayMatcher>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <array>

namespace DeployDesk {

// Replaces every occurrence of every secret value in a line with "***".
// Values shorter than kMinimumLength are not masked (they would mask ordinary text);
// a multi-line value is masked line by line.
//
// Matching is on what a reader sees as well as on the bytes: a value split by ANSI escape
// sequences (grep --color=always colours part of it) is found in the line's text without
// its escape sequences (as AnsiParser::strip() removes them), and the bytes from its first
// to its last character are replaced. The CSI sequences (colours) inside such a span are
// kept after the mask, so the colours after it do not change; other sequences inside it
// (OSC titles and links) are dropped. A value inside an escape sequence is masked too.
class SecretMasker final
{
public:
    static constexpr int kMinimumLength = 3;
    static constexpr char kMask[] = "***";

    void setSecrets(const QList<QByteArray> &values);
    void addSecret(const QByteArray &value);
    bool isEmpty() const { return m_matchers.isEmpty(); }
    // Length in bytes of the longest value (0 when empty).
    qsizetype longestValue() const { return m_values.isEmpty() ? 0 : m_values.front().size(); }

    // Returns `line` with every secret masked. Overlapping values mask their union.
    QByteArray mask(const QByteArray &line) const;
    // The same for a line that is only looked at: false when it shows no value (nothing is
    // copied), else true with the masked line in `masked`.
    bool mask(QByteArrayView line, QByteArray *masked) const;
    // The same for text that is recorded or shown (a run's message, an event, an error).
    QString maskText(const QString &text) const;

    // For a piece of a line whose rest comes later: the length of the longest prefix of
    // `piece` that can be masked on its own, so that a value (or a UTF-8 character) that
    // continues in the rest is found when the bytes after the cut are put before the rest.
    // What is kept back is at most about max(64 KB, 4 x the longest value).
    qsizetype safeCut(QByteArrayView piece) const;

private:
    struct Range
    {
        qsizetype begin = 0;
        qsizetype end = 0;
    };
    using Ranges = QVarLengthArray<Range, 8>;
    struct Visible; // a line without its escape sequences (secretmasker.cpp)

    // Appends the ranges of data[0, size) that hold a value, sorted by start.
    void find(const char *data, qsizetype size, Ranges &ranges) const;
    // The byte ranges of `line` to mask: sorted, disjoint, not touching. `visible` is the
    // line's text without escapes, null when the line has none.
    Ranges spans(QByteArrayView line, const Visible *visible) const;
    // Grows each of `ranges` that takes part of an escape sequence to all of it (unless it
    // lies inside a string sequence's text), so masking leaves the rest as it read.
    static void takeWholeSequences(QByteArrayView line, const Visible &visible, Ranges &ranges);
    QByteArray maskEscaped(const QByteArray &line) const;
    // `line` with each of `ranges` replaced by the mask (and the CSI sequences inside it).
    QByteArray replace(QByteArrayView line, const Ranges &ranges, const Visible *visible) const;
    // Whether bytes from a position before `before` to the end begin a value (the start
    // of one that what follows `bytes` could finish).
    bool startsValue(QByteArrayView bytes, qsizetype before) const;

    QList<QByteArrayMatcher> m_matchers; // longest first
    QList<QByteArray> m_values;          // the same patterns, for the scan in mask()
    // Horspool shifts over the shortest value's length (m_window): how far a window of
    // the line may move when its last byte is the key; 0 means "compare here".
    std::array<quint8, 256> m_shift{};
    int m_window = 0;
};

} // namespace DeployDesk
