#include "common/duration.h"

#include <array>

namespace DeployDesk {

namespace {

struct Unit
{
    QStringView suffix;
    qint64 ms;
};

// Ordered from largest to smallest; "ms" is matched before "m".
constexpr std::array<Unit, 4> units{{{u"h", 3'600'000}, {u"ms", 1}, {u"m", 60'000}, {u"s", 1'000}}};

int rank(qint64 ms)
{
    switch (ms) {
    case 3'600'000:
        return 0;
    case 60'000:
        return 1;
    case 1'000:
        return 2;
    default:
        return 3;
    }
}

} // namespace

std::optional<std::chrono::milliseconds> parseDuration(QStringView text)
{
    // Nine digits per number keep every total far inside qint64.
    constexpr qsizetype maxDigits = 9;
    if (text.isEmpty())
        return std::nullopt;

    qint64 total = 0;
    int lastRank = -1;
    qsizetype i = 0;
    bool sawUnit = false;
    while (i < text.size()) {
        const qsizetype start = i;
        while (i < text.size() && text[i].isDigit() && text[i].unicode() < 128)
            ++i;
        const qsizetype digits = i - start;
        if (digits == 0 || digits > maxDigits)
            return std::nullopt;
        qint64 number = 0;
        for (qsizetype k = start; k < i; ++k)
            number = number * 10 + text[k].digitValue();
        if (i == text.size()) {
            // A bare number is only valid alone: seconds.
            if (sawUnit)
                return std::nullopt;
            return std::chrono::milliseconds(number * 1000);
        }
        const Unit *unit = nullptr;
        for (const Unit &u : units) {
            if (text.mid(i).startsWith(u.suffix)) {
                unit = &u;
                break;
            }
        }
        if (!unit)
            return std::nullopt;
        const int r = rank(unit->ms);
        if (r <= lastRank)
            return std::nullopt;
        lastRank = r;
        sawUnit = true;
        total += number * unit->ms;
        i += unit->suffix.size();
    }
    return std::chrono::milliseconds(total);
}

QString formatDuration(std::chrono::milliseconds duration)
{
    qint64 ms = duration.count();
    if (ms < 1000)
        return QStringLiteral("%1ms").arg(ms);
    if (ms < 60 * 1000 && ms % 1000 != 0)
        return QStringLiteral("%1s").arg(double(ms) / 1000.0, 0, 'f', 1);
    qint64 s = ms / 1000;
    const qint64 h = s / 3600;
    const qint64 m = (s % 3600) / 60;
    s %= 60;
    QString out;
    if (h)
        out += QStringLiteral("%1h").arg(h);
    if (m)
        out += QStringLiteral("%1m").arg(m);
    if (s || out.isEmpty())
        out += QStringLiteral("%1s").arg(s);
    return out;
}

} // namespace DeployDesk
