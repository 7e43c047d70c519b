#include "log/errorclassifier.h"

#include <QByteArray>

namespace DeployDesk {

namespace {

inline bool isWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

QByteArrayView leftTrimmed(QByteArrayView text)
{
    qsizetype i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
        ++i;
    return text.sliced(i);
}

// "error" as a whole word in lowercase text.
bool hasErrorWord(QByteArrayView lower)
{
    for (qsizetype at = lower.indexOf(QByteArrayView("error")); at >= 0;
         at = lower.indexOf(QByteArrayView("error"), at + 1)) {
        const bool before = at == 0 || !isWordByte(lower[at - 1]);
        const bool after = at + 5 >= lower.size() || !isWordByte(lower[at + 5]);
        if (before && after)
            return true;
    }
    return false;
}

// The rule First Error had before it knew any tool: on stderr error, fail, fatal,
// exception or traceback anywhere; anywhere the word "error", "FAILED" or "Traceback".
bool mentionsFailure(LogStream stream, QByteArrayView stripped, QByteArrayView lower)
{
    if (stream == LogStream::Stderr) {
        for (const char *word : {"error", "fail", "fatal", "exception", "traceback"}) {
            if (lower.contains(QByteArrayView(word)))
                return true;
        }
    }
    return hasErrorWord(lower) || stripped.contains(QByteArrayView("FAILED")) ||
           stripped.contains(QByteArrayView("Traceback"));
}

// pytest's explanation lines: "E   AssertionError: …", "E       assert 2 == 3".
bool isPytestExplanation(QByteArrayView line)
{
    if (line.size() < 4 || line[0] != 'E' || line[1] != ' ' || line[2] != ' ')
        return false;
    return !leftTrimmed(line.sliced(1)).isEmpty();
}

// A Python exception's last line: "ValueError: bad", "sqlalchemy.exc.OperationalError:
// (…)", "KeyError: 'x'"; node's "Error: Cannot find module".
bool isExceptionLine(QByteArrayView text)
{
    qsizetype end = 0;
    while (end < text.size() && (isWordByte(text[end]) || text[end] == '.'))
        ++end;
    if (end == 0 || (end < text.size() && text[end] != ':'))
        return false;
    const QByteArrayView name = text.first(end);
    return name.endsWith(QByteArrayView("Error")) || name.endsWith(QByteArrayView("Exception"));
}

bool isWarning(QByteArrayView trimmed, QByteArrayView lowerTrimmed, QByteArrayView lower)
{
    if (trimmed.startsWith(QByteArrayView("<w>")))
        return true; // webpack's infrastructure log: warnings, even when they say "Error"
    for (const char *prefix :
         {"warning", "warn ", "warn:", "[warn", "npm warn", "yarn warn", "level=warn", "(!)"}) {
        if (lowerTrimmed.startsWith(QByteArrayView(prefix)))
            return true;
    }
    for (const char *inside :
         {": warning:", "deprecationwarning", "userwarning", "runtimewarning", "futurewarning"}) {
        if (lower.contains(QByteArrayView(inside)))
            return true;
    }
    return false;
}

bool isErrorShape(QByteArrayView trimmed, QByteArrayView lowerTrimmed, QByteArrayView lower)
{
    for (const char *prefix : {"npm err!", "npm error", "[error]", "error:", "error[",
                               "fatal:", "fatal error", "yarn error"}) {
        if (lowerTrimmed.startsWith(QByteArrayView(prefix)))
            return true;
    }
    // Upper case only: Python logging ("ERROR:root:…"), Alembic ("ERROR [alembic…]").
    if (trimmed.startsWith(QByteArrayView("ERROR")) && trimmed.size() > 5 &&
        (trimmed[5] == ':' || trimmed[5] == ' ' || trimmed[5] == '['))
        return true;
    // Alembic's "FAILED: Can't locate revision …", ninja's "FAILED: out/app.o".
    if (trimmed.startsWith(QByteArrayView("FAILED:")))
        return true;
    if (trimmed.startsWith(QByteArrayView("Traceback (most recent call last)")))
        return true;
    // TypeScript: "src/a.ts(3,5): error TS2322: …" and "error TS18003: …".
    for (qsizetype at = lower.indexOf(QByteArrayView("error ts")); at >= 0;
         at = lower.indexOf(QByteArrayView("error ts"), at + 1)) {
        if (at + 8 < lower.size() && isDigit(lower[at + 8]) &&
            (at == 0 || !isWordByte(lower[at - 1])))
            return true;
    }
    // Compilers: "main.c:3:5: error: …", "x.go:3:2: fatal error: …".
    if (lower.contains(QByteArrayView(": error:")) ||
        lower.contains(QByteArrayView(": fatal error:")) ||
        lower.contains(QByteArrayView(": error[")))
        return true;
    return isExceptionLine(trimmed);
}

bool isSummary(QByteArrayView trimmed, QByteArrayView lower)
{
    // pytest: "FAILED tests/x.py::test_y - AssertionError", "tests/x.py::test_y FAILED [50%]".
    if (trimmed.contains(QByteArrayView("::")) && (trimmed.startsWith(QByteArrayView("FAILED ")) ||
                                                   trimmed.contains(QByteArrayView(" FAILED")) ||
                                                   trimmed.startsWith(QByteArrayView("ERROR "))))
        return true;
    // pytest's last line: "==== 1 failed, 3 passed in 0.21s ====".
    return trimmed.startsWith(QByteArrayView("==")) && lower.contains(QByteArrayView(" failed"));
}

} // namespace

LineSeverity classifyLogLine(LogStream stream, QByteArrayView stripped)
{
    thread_local QByteArray folded;
    folded.resize(stripped.size());
    for (qsizetype i = 0; i < stripped.size(); ++i) {
        const char c = stripped[i];
        folded[i] = c >= 'A' && c <= 'Z' ? char(c + 32) : c;
    }
    const QByteArrayView lower(folded.constData(), stripped.size());
    const QByteArrayView trimmed = leftTrimmed(stripped);
    const QByteArrayView lowerTrimmed = lower.sliced(stripped.size() - trimmed.size());

    if (isPytestExplanation(stripped))
        return LineSeverity::Error;
    if (isWarning(trimmed, lowerTrimmed, lower))
        return mentionsFailure(stream, stripped, lower) ? LineSeverity::Warning
                                                        : LineSeverity::None;
    if (isSummary(trimmed, lower))
        return LineSeverity::Summary;
    if (isErrorShape(trimmed, lowerTrimmed, lower))
        return LineSeverity::Error;
    return mentionsFailure(stream, stripped, lower) ? LineSeverity::Mention : LineSeverity::None;
}

bool FirstErrorFinder::feed(qint64 index, LogStream stream, QByteArrayView stripped)
{
    const LineSeverity severity = classifyLogLine(stream, stripped);
    if (severity > m_severity) {
        m_severity = severity;
        m_index = index;
    }
    return m_severity != LineSeverity::Error;
}

std::optional<qint64> FirstErrorFinder::index() const
{
    if (m_severity == LineSeverity::None)
        return std::nullopt;
    return m_index;
}

} // namespace DeployDesk
