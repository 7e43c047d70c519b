#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QMetaType>
#include <QtGlobal>

namespace DeployDesk {

enum class LogStream : quint8 {
    Stdout = 1,
    Stderr = 2,
    System = 3, // messages of DeployDesk itself about the stage: attempts, timeouts, exit codes
};

// One line as stored and shown: valid UTF-8 (invalid bytes replaced by U+FFFD), secrets
// already masked, ANSI escape sequences kept (strip them for search), no line terminator.
struct LogLine
{
    qint64 timestampMs = 0; // milliseconds since the Unix epoch, when the line was complete
    LogStream stream = LogStream::Stdout;
    QByteArray text;
};

// The same, lent for the length of one call (LogPipeline's sink): the text is the caller's,
// so a sink that keeps the line copies it (toLine()).
struct LogLineRef
{
    qint64 timestampMs = 0;
    LogStream stream = LogStream::Stdout;
    QByteArrayView text;

    LogLine toLine() const { return LogLine{timestampMs, stream, text.toByteArray()}; }
};

} // namespace DeployDesk

Q_DECLARE_METATYPE(DeployDesk::LogLine)
