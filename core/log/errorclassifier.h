#pragma once

#include "log/logline.h"

#include <QByteArrayView>

#include <optional>

namespace DeployDesk {

// How strongly one log line says that something went wrong, weakest first. First Error
// (the panel's log viewer, the CLI's failure summary, reports) lands on the first line of
// the strongest kind a log holds.
enum class LineSeverity {
    None,
    // A warning that mentions an error: webpack's "<w> … Error", "npm WARN", "[WARNING]",
    // "DeprecationWarning". Chosen only when nothing else is there.
    Warning,
    // A summary of failures told in detail elsewhere: pytest's "FAILED tests/x.py::t - …"
    // and "=== 1 failed, 3 passed ===", "tests/x.py::t FAILED".
    Summary,
    // Mentions failure without a known shape: the word "error", "FAILED", "Traceback", or
    // on stderr "fail", "fatal", "exception".
    Mention,
    // A known tool's error shape: pytest "E   …", "error TS2322:", "npm ERR!"/"npm error",
    // "[ERROR]", "ERROR:", "Traceback (most recent call last):", Alembic's "FAILED: …",
    // "file:3:5: error: …", "error[E0308]:", "fatal: …", "ValueError: …".
    Error,
};

// `stripped` is the line without ANSI escapes (AnsiParser::strip).
LineSeverity classifyLogLine(LogStream stream, QByteArrayView stripped);

// Feed a log's lines in order; it keeps the first line of the strongest severity seen.
class FirstErrorFinder final
{
public:
    // Returns false once an Error-shaped line was found: nothing later can replace it.
    bool feed(qint64 index, LogStream stream, QByteArrayView stripped);
    // The index fed with the chosen line; nullopt when no line says anything went wrong.
    std::optional<qint64> index() const;
    LineSeverity severity() const { return m_severity; }

private:
    LineSeverity m_severity = LineSeverity::None;
    qint64 m_index = -1;
};

} // namespace DeployDesk
