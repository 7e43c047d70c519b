#pragma once

#include <QByteArray>
#include <QByteArrayMatcher>
#include <QList>

#include <array>

namespace DeployDesk {

// Replaces every occurrence of every secret value in a line with "***".
// Values shorter than kMinimumLength are not masked (they would mask ordinary text);
// a multi-line value is masked line by line.
class SecretMasker final
{
public:
    static constexpr int kMinimumLength = 3;
    static constexpr char kMask[] = "***";

    void setSecrets(const QList<QByteArray> &values);
    void addSecret(const QByteArray &value);
    bool isEmpty() const { return m_matchers.isEmpty(); }

    // Returns `line` with every secret masked. Overlapping values mask their union.
    QByteArray mask(const QByteArray &line) const;

private:
    QList<QByteArrayMatcher> m_matchers; // longest first
    QList<QByteArray> m_values;          // the same patterns, for the scan in mask()
    // Horspool shifts over the shortest value's length (m_window): how far a window of
    // the line may move when its last byte is the key; 0 means "compare here".
    std::array<quint8, 256> m_shift{};
    int m_window = 0;
};

} // namespace DeployDesk
