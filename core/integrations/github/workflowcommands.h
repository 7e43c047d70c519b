#pragma once

#include "common/annotation.h"

// The workflow commands a GitHub Actions step writes to its output (`::warning file=a.c::x`),
// read as GitHub's runner reads them (actions/runner: ActionCommand.cs for the syntax,
// ActionCommandManager.cs for what each command does). Pure: it only reads the bytes it is
// fed. docs/workflow-commands.md is the user's reference.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <optional>

namespace DeployDesk {

struct WorkflowCommand
{
    enum class Kind {
        Debug,
        Notice,
        Warning,
        Error,
        Group,
        EndGroup,
        AddMask,
        SetOutput, // deprecated: `deprecation` is set; GitHub still carries it out
        SaveState, // deprecated, as set-output
        StopCommands,
        ResumeCommands, // `::TOKEN::` after `::stop-commands::TOKEN`
        Echo,
        SetEnv,        // refused (`problem`) unless Options::allowUnsecureCommands
        AddPath,       // refused, as set-env
        AddMatcher,    // problem matchers: DeployDesk does not apply them
        RemoveMatcher, // (the runner knows both; they are not Unknown)
        Unknown,       // `::name::` with a name GitHub does not know: it prints the line as text
    };
    Kind kind = Kind::Unknown;
    QString name; // the command as written, e.g. "warning" or "WARNING"
    // Unescaped: file, line, endLine, col, endColumn, title, name, owner (in that
    // spelling, whatever case they were written in), and any other key as written.
    QMap<QString, QString> properties;
    QString value;   // unescaped message / value
    qint64 line = 0; // 1-based number of the output line it was on

    // Whether GitHub prints the command's own line in the step's log: with `::echo::on`
    // (or step debug logging), for the commands that echo (not debug, notice, warning,
    // error: they show as annotations; add-mask shows as `::add-mask::***`). The lines of
    // stop-commands and of its resume token are always printed, Unknown lines are text.
    bool echoed = false;
    // Set when GitHub does not carry the command out, with its reason (mostly in GitHub's
    // words): set-env and add-path (disabled since 2020), a stop token anyone could guess,
    // set-output/save-state/set-env without a name, an echo value other than on/off, an
    // empty add-mask. GitHub shows it as an error or a warning.
    QString problem;
    // GitHub marks the step failed because of this command (`problem` says why).
    bool failsStep = false;
    // Set for set-output and save-state: the deprecation warning GitHub adds to the run.
    QString deprecation;

    friend bool operator==(const WorkflowCommand &, const WorkflowCommand &) = default;
};

// Feed it one stream of a step's output; GitHub reads commands from stdout and stderr
// alike, so give each stream a parser of its own (GitHub shares the stop-commands state
// between the two; separate parsers do not). Lines end with "\n" or "\r\n"; a command may be cut at
// any byte between feeds. A line longer than Options::maxLineBytes is passed through in pieces of
// that size and is never a command, so memory stays bounded whatever the step prints.
//
// As the runner does: a command is `::name key=value,key2=value2::message` after leading
// whitespace, or the older `##[name key=value;key2=value2]message` anywhere in a line;
// names are case-insensitive. After `::stop-commands::TOKEN` nothing is a command until a
// line that is the command TOKEN (`::TOKEN::`); a token that is empty, `pause-logging` or
// a command's name is refused (and commands go on) unless allowUnsecureStopTokens.
// `::echo::on`/`off` only changes `echoed`.
// An error, warning or notice annotation as DeployDesk shows it, in the log and in the list
// of a job's annotations: "Error: src/a.c:3:7: message" (file, line and column when given).
// Empty for other commands.
QString annotationText(const WorkflowCommand &command);
// The annotation an error, warning or notice command makes; nullopt for other commands.
std::optional<Annotation> annotationOf(const WorkflowCommand &command);

class WorkflowCommandParser final
{
public:
    // 1 MiB: GitHub limits one output to 1 MB, so a set-output line of that size still fits.
    static constexpr qsizetype kDefaultMaxLineBytes = 1024 * 1024;

    struct Options
    {
        // Commands are echoed from the start: the step runs with ACTIONS_STEP_DEBUG=true.
        bool echo = false;
        // ACTIONS_ALLOW_UNSECURE_COMMANDS=true in the step's environment: set-env and
        // add-path are carried out (NODE_OPTIONS still cannot be set).
        bool allowUnsecureCommands = false;
        // ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS=true: any stop token is taken.
        bool allowUnsecureStopTokens = false;
        qsizetype maxLineBytes = kDefaultMaxLineBytes;
    };

    struct Line
    {
        QByteArray text; // without its "\n" or "\r\n"
        std::optional<WorkflowCommand> command;
        // `text` is a piece of a line longer than maxLineBytes, and the next piece follows.
        bool continues = false;

        friend bool operator==(const Line &, const Line &) = default;
    };

    WorkflowCommandParser();
    explicit WorkflowCommandParser(const Options &options);

    // Feeds bytes; returns the complete lines seen so far, each with the command it holds
    // if it is one that is active.
    QList<Line> feed(QByteArrayView bytes);
    // End of the output: the last line, if it had no newline (a final "\r" is its end).
    QList<Line> finish();

    bool commandsStopped() const { return m_stopped; }
    bool echoing() const { return m_echo; }
    qint64 lineCount() const { return m_lines; }

private:
    void completeLine(QByteArrayView line, QList<Line> &out);
    void emitPieces(QByteArrayView line, QList<Line> &out);
    void flushLongPartial(QList<Line> &out);
    std::optional<WorkflowCommand> interpret(QByteArrayView line);
    bool isKnown(const QString &name) const; // a command the runner has registered

    Options m_options;
    QByteArray m_partial;      // the current line's bytes not returned yet (never a "\n")
    bool m_inLongLine = false; // pieces of the current line were returned already
    qint64 m_lines = 0;        // complete lines so far
    bool m_echo = false;
    bool m_stopped = false;
    QString m_stopToken;
    // Command names (lower case) the runner no longer knows: a resume token that was a
    // command's name takes that command out of its registered commands.
    QSet<QString> m_unregistered;
};

} // namespace DeployDesk
