#pragma once

#include <QString>

#include <expected>
#include <optional>

namespace DeployDesk {

enum class ErrorCode {
    Invalid,      // bad input: a pipeline file, an argument, a value
    NotFound,     // a run, stage, file or secret that does not exist
    Io,           // reading or writing a file or the store failed
    Process,      // a process could not be started or failed
    Network,      // an HTTP request failed (connection, DNS, TLS, reset)
    Unavailable,  // a service (keychain, platform) is not there
    Internal,     // a broken invariant: a bug
    Unauthorized, // the platform refused the credentials (401/403): a token to fix
    Timeout,      // no answer within the time allowed
    RateLimited,  // the platform said 429 and retrying did not help
    Conflict,     // the platform refused because of the current state (409, a lock)
    Remote,       // the platform answered with an error of its own (4xx/5xx, GraphQL errors)
};

// A 1-based position in a source file, as editors and compilers print it.
struct SourceLocation
{
    QString file;
    int line = 0;
    int column = 0;

    QString toString() const { return QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(column); }
    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString detail;
    std::optional<SourceLocation> where;

    // "file:line:column: message" when there is a location, else the message.
    QString toString() const
    {
        return where ? where->toString() + QStringLiteral(": ") + message : message;
    }
};

// A failure without a source location (the usual case outside the config loader).
inline Error makeErrorValue(ErrorCode code, QString message, QString detail = {})
{
    return Error{code, std::move(message), std::move(detail), std::nullopt};
}

template<typename T> using Result = std::expected<T, Error>;

inline std::unexpected<Error> makeError(ErrorCode code, QString message, QString detail = {})
{
    return std::unexpected<Error>(Error{code, std::move(message), std::move(detail), std::nullopt});
}

} // namespace DeployDesk
