#include "integrations/github/workflowcommands.h"

#include "common/translate.h"

#include <cstring>

namespace DeployDesk {

// What follows mirrors actions/runner closely, because a step's output means what the runner
// makes of it, quirks included:
// - ActionCommand.TryParseV2: `::` after TrimStart(), the name up to the first space, the
//   properties trimmed and split on ',' (empty parts dropped), each pair split like .NET's
//   Split('=', 2, RemoveEmptyEntries) (see splitPair), values unescaped by String.Replace in
//   the runner's order (so "%250A" stays "%0A").
// - ActionCommand.TryParse, tried when TryParseV2 fails: `##[` anywhere in the line, the
//   name up to the first space before `]`, properties split on ';', and its own escapes.
// - ActionCommandManager.TryProcessCommand: only registered names are commands (Unknown is
//   ours: the runner prints those lines as text); while stopped only the token is one.
//
// Invariants between feeds: m_partial holds no '\n'; it holds at most maxLineBytes bytes,
// plus one trailing '\r' that may be the first half of a "\r\n" cut by the feed.

namespace {

using Kind = WorkflowCommand::Kind;

constexpr qsizetype kKeepCapacityBytes = 1024 * 1024;

struct KnownCommand
{
    const char *name;
    Kind kind;
    bool omitEcho; // IActionCommandExtension.OmitEcho: not echoed even with ::echo::on
};

constexpr KnownCommand kKnownCommands[] = {
    {"debug", Kind::Debug, true},
    {"notice", Kind::Notice, true},
    {"warning", Kind::Warning, true},
    {"error", Kind::Error, true},
    {"group", Kind::Group, false},
    {"endgroup", Kind::EndGroup, false},
    {"add-mask", Kind::AddMask, true},
    {"set-output", Kind::SetOutput, false},
    {"save-state", Kind::SaveState, false},
    {"stop-commands", Kind::StopCommands, false},
    {"echo", Kind::Echo, false},
    {"set-env", Kind::SetEnv, false},
    {"add-path", Kind::AddPath, false},
    {"add-matcher", Kind::AddMatcher, false},
    {"remove-matcher", Kind::RemoveMatcher, false},
};

// The property names the runner reads, in their spelling (its dictionary ignores case).
constexpr const char *kKnownProperties[] = {"file",      "line",  "endLine", "col",
                                            "endColumn", "title", "name",    "owner"};

using Escapes = std::initializer_list<std::pair<QLatin1StringView, QLatin1StringView>>;

const Escapes kPropertyEscapes = {
    {QLatin1StringView("%0D"), QLatin1StringView("\r")},
    {QLatin1StringView("%0A"), QLatin1StringView("\n")},
    {QLatin1StringView("%3A"), QLatin1StringView(":")},
    {QLatin1StringView("%2C"), QLatin1StringView(",")},
    {QLatin1StringView("%25"), QLatin1StringView("%")},
};
const Escapes kDataEscapes = {
    {QLatin1StringView("%0D"), QLatin1StringView("\r")},
    {QLatin1StringView("%0A"), QLatin1StringView("\n")},
    {QLatin1StringView("%25"), QLatin1StringView("%")},
};
const Escapes kLegacyEscapes = {
    {QLatin1StringView("%3B"), QLatin1StringView(";")},
    {QLatin1StringView("%0D"), QLatin1StringView("\r")},
    {QLatin1StringView("%0A"), QLatin1StringView("\n")},
    {QLatin1StringView("%5D"), QLatin1StringView("]")},
    {QLatin1StringView("%25"), QLatin1StringView("%")},
};

QString unescape(QStringView escaped, const Escapes &escapes)
{
    QString text = escaped.toString();
    if (!text.contains(u'%'))
        return text;
    for (const auto &[from, to] : escapes)
        text.replace(from, to, Qt::CaseSensitive);
    return text;
}

struct ParsedCommand
{
    QString name;
    QList<std::pair<QString, QString>> properties; // in order; later ones win
    QString data;
};

// "key=value" as .NET's Split('=', 2, StringSplitOptions.RemoveEmptyEntries) cuts it: '='
// before the key and right after it are dropped ("a==b" is a=b), and a pair without a
// non-empty key and value is ignored.
std::optional<std::pair<QStringView, QStringView>> splitPair(QStringView text)
{
    qsizetype keyStart = 0;
    while (keyStart < text.size() && text[keyStart] == u'=')
        ++keyStart;
    const qsizetype equals = text.indexOf(u'=', keyStart);
    if (equals < 0)
        return std::nullopt;
    qsizetype valueStart = equals + 1;
    while (valueStart < text.size() && text[valueStart] == u'=')
        ++valueStart;
    if (valueStart == text.size())
        return std::nullopt;
    return std::pair{text.sliced(keyStart, equals - keyStart), text.sliced(valueStart)};
}

// The name and properties between the prefix and the separator ("warning file=a,line=3").
std::optional<ParsedCommand> parseInfo(QStringView info, QChar separator, bool trimProperties,
                                       const Escapes &propertyEscapes)
{
    const qsizetype space = info.indexOf(u' ');
    ParsedCommand command;
    command.name = (space < 0 ? info : info.first(space)).toString();
    if (command.name.isEmpty())
        return std::nullopt; // `:: ::`: the runner's ActionCommand refuses an empty name
    if (space > 0) {
        QStringView properties = info.sliced(space + 1);
        if (trimProperties)
            properties = properties.trimmed();
        for (QStringView part : properties.split(separator, Qt::SkipEmptyParts)) {
            if (const auto pair = splitPair(part))
                command.properties.append(
                    {pair->first.toString(), unescape(pair->second, propertyEscapes)});
        }
    }
    return command;
}

// `::name k=v,k2=v2::data`, `text` already without leading whitespace.
std::optional<ParsedCommand> parseCommand(QStringView text)
{
    if (!text.startsWith(u"::"))
        return std::nullopt;
    const qsizetype end = text.indexOf(u"::", 2);
    if (end < 0)
        return std::nullopt;
    auto command = parseInfo(text.sliced(2, end - 2), u',', true, kPropertyEscapes);
    if (command)
        command->data = unescape(text.sliced(end + 2), kDataEscapes);
    return command;
}

// `##[name k=v;k2=v2]data` anywhere in the line (the runner's older syntax).
std::optional<ParsedCommand> parseLegacyCommand(QStringView text)
{
    const qsizetype prefix = text.indexOf(u"##[");
    if (prefix < 0)
        return std::nullopt;
    const qsizetype bracket = text.indexOf(u']', prefix);
    if (bracket < 0)
        return std::nullopt;
    auto command =
        parseInfo(text.sliced(prefix + 3, bracket - prefix - 3), u';', false, kLegacyEscapes);
    if (command)
        command->data = unescape(text.sliced(bracket + 1), kLegacyEscapes);
    return command;
}

// Whether an unregistered name looks like a command's (so `::std::cout` in a listing is
// reported as Unknown but `::[1]::` is not).
bool looksLikeCommandName(QStringView name)
{
    if (name.isEmpty() || !name.front().isLetter())
        return false;
    for (QChar c : name) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_' && c != u'.')
            return false;
    }
    return true;
}

const KnownCommand *findKnown(QStringView name)
{
    for (const KnownCommand &known : kKnownCommands) {
        if (name.compare(QLatin1StringView(known.name), Qt::CaseInsensitive) == 0)
            return &known;
    }
    return nullptr;
}

QMap<QString, QString> toProperties(const QList<std::pair<QString, QString>> &pairs)
{
    QMap<QString, QString> properties;
    for (const auto &[written, value] : pairs) {
        QString key = written;
        for (const char *known : kKnownProperties) {
            if (written.compare(QLatin1StringView(known), Qt::CaseInsensitive) == 0)
                key = QLatin1StringView(known);
        }
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            if (it.key().compare(key, Qt::CaseInsensitive) == 0) {
                key = it.key(); // the first spelling stays, as in the runner's dictionary
                break;
            }
        }
        properties.insert(key, value);
    }
    return properties;
}

QString disabledMessage(const QString &command, const QString &what)
{
    return tr("The `%1` command is disabled. Please upgrade to using Environment Files or opt "
              "into unsecure command execution by setting the `ACTIONS_ALLOW_UNSECURE_COMMANDS` "
              "environment variable to `true`. For more information see: "
              "https://github.blog/changelog/"
              "2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/ "
              "(GitHub disabled it because any text a step prints, such as a pull request title "
              "or a file it shows, could otherwise change the %2 of every later step: "
              "CVE-2020-15228.)")
        .arg(command, what);
}

QString deprecatedMessage(const QString &command)
{
    return tr("The `%1` command is deprecated and will be disabled soon. Please upgrade to using "
              "Environment Files. For more information see: https://github.blog/changelog/"
              "2022-10-11-github-actions-deprecating-save-state-and-set-output-commands/")
        .arg(command);
}

QString missingNameMessage(const char *command)
{
    return tr("Required field 'name' is missing in ##[%1] command.")
        .arg(QLatin1StringView(command));
}

} // namespace

WorkflowCommandParser::WorkflowCommandParser()
    : WorkflowCommandParser(Options{})
{}

WorkflowCommandParser::WorkflowCommandParser(const Options &options)
    : m_options(options)
    , m_echo(options.echo)
{
    if (m_options.maxLineBytes <= 0)
        m_options.maxLineBytes = kDefaultMaxLineBytes;
}

QList<WorkflowCommandParser::Line> WorkflowCommandParser::feed(QByteArrayView bytes)
{
    QList<Line> out;
    const char *const data = bytes.data();
    const qsizetype size = bytes.size();
    qsizetype pos = 0;
    while (pos < size) {
        const void *hit = std::memchr(data + pos, '\n', size_t(size - pos));
        if (!hit) {
            m_partial.append(bytes.sliced(pos));
            flushLongPartial(out);
            break;
        }
        const qsizetype eol = static_cast<const char *>(hit) - data;
        QByteArrayView segment = bytes.sliced(pos, eol - pos);
        pos = eol + 1;
        if (m_partial.isEmpty() && !m_inLongLine) {
            if (segment.endsWith('\r'))
                segment.chop(1);
            completeLine(segment, out);
            continue;
        }
        m_partial.append(segment);
        QByteArrayView line(m_partial);
        if (line.endsWith('\r'))
            line.chop(1);
        completeLine(line, out);
        if (m_partial.capacity() > kKeepCapacityBytes)
            m_partial.clear(); // give a runaway line's memory back
        else
            m_partial.truncate(0);
    }
    return out;
}

QList<WorkflowCommandParser::Line> WorkflowCommandParser::finish()
{
    QList<Line> out;
    if (m_partial.isEmpty() && !m_inLongLine)
        return out;
    QByteArrayView line(m_partial);
    if (line.endsWith('\r'))
        line.chop(1); // the runner's reader ends a line at a lone "\r" too
    completeLine(line, out);
    m_partial.clear();
    return out;
}

void WorkflowCommandParser::flushLongPartial(QList<Line> &out)
{
    const qsizetype max = m_options.maxLineBytes;
    // Keep a trailing '\r' one byte past the bound: a '\n' may follow and make it the end.
    while (m_partial.size() > max && !(m_partial.size() == max + 1 && m_partial.endsWith('\r'))) {
        out.append(Line{m_partial.first(max), std::nullopt, true});
        m_partial.remove(0, max);
        m_inLongLine = true;
    }
}

void WorkflowCommandParser::emitPieces(QByteArrayView line, QList<Line> &out)
{
    const qsizetype max = m_options.maxLineBytes;
    while (line.size() > max) {
        out.append(Line{line.first(max).toByteArray(), std::nullopt, true});
        line = line.sliced(max);
    }
    out.append(Line{line.toByteArray(), std::nullopt, false});
}

void WorkflowCommandParser::completeLine(QByteArrayView line, QList<Line> &out)
{
    ++m_lines;
    if (m_inLongLine || line.size() > m_options.maxLineBytes) {
        // Too long to be read as a command: text, in pieces.
        emitPieces(line, out);
        m_inLongLine = false;
        return;
    }
    out.append(Line{line.toByteArray(), interpret(line), false});
}

bool WorkflowCommandParser::isKnown(const QString &name) const
{
    return findKnown(name) != nullptr && !m_unregistered.contains(name.toLower());
}

std::optional<WorkflowCommand> WorkflowCommandParser::interpret(QByteArrayView bytes)
{
    // OutputManager only looks further at lines holding one of the two prefixes.
    if (bytes.indexOf("::") < 0 && bytes.indexOf("##[") < 0)
        return std::nullopt;
    const QString text = QString::fromUtf8(bytes);
    qsizetype start = 0;
    while (start < text.size() && text.at(start).isSpace())
        ++start;

    const auto isRegistered = [this](const QString &name) {
        return isKnown(name) || (m_stopped && name.compare(m_stopToken, Qt::CaseInsensitive) == 0);
    };
    const std::optional<ParsedCommand> modern = parseCommand(QStringView(text).sliced(start));
    std::optional<ParsedCommand> parsed;
    if (modern && isRegistered(modern->name)) {
        parsed = modern;
    } else if (auto legacy = parseLegacyCommand(text); legacy && isRegistered(legacy->name)) {
        parsed = std::move(legacy);
    }

    WorkflowCommand command;
    command.line = m_lines;
    if (!parsed) {
        if (m_stopped || !modern || !looksLikeCommandName(modern->name))
            return std::nullopt;
        command.kind = Kind::Unknown;
        command.name = modern->name;
        command.properties = toProperties(modern->properties);
        command.value = modern->data;
        command.echoed = true; // the runner prints the line as it is
        return command;
    }
    command.name = parsed->name;
    command.properties = toProperties(parsed->properties);
    command.value = parsed->data;

    if (m_stopped) {
        if (command.name.compare(m_stopToken, Qt::CaseInsensitive) != 0)
            return std::nullopt; // a command, but commands are stopped: text
        command.kind = Kind::ResumeCommands;
        command.echoed = true;
        // The runner takes the token out of its registered commands again, even when the
        // token was a command's own name (allowed only with allowUnsecureStopTokens).
        if (findKnown(m_stopToken))
            m_unregistered.insert(m_stopToken.toLower());
        m_stopped = false;
        m_stopToken.clear();
        return command;
    }

    const KnownCommand *known = findKnown(command.name);
    Q_ASSERT(known);
    command.kind = known->kind;
    command.echoed = m_echo && !known->omitEcho;
    const QString name = command.properties.value(QStringLiteral("name"));
    const auto fail = [&command](QString message) {
        command.problem = std::move(message);
        command.failsStep = true;
    };

    switch (command.kind) {
    case Kind::StopCommands: {
        const QString &token = command.value;
        const bool guessable = token.isEmpty() || isKnown(token) ||
                               token.compare(u"pause-logging", Qt::CaseInsensitive) == 0;
        if (guessable && !m_options.allowUnsecureStopTokens) {
            fail(tr("You cannot use a endToken that is an empty string, the string "
                    "'pause-logging', or another workflow command. For more information see: "
                    "https://docs.github.com/actions/learn-github-actions/"
                    "workflow-commands-for-github-actions"
                    "#example-stopping-and-starting-workflow-commands or opt into insecure "
                    "command execution by setting the `ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS` "
                    "environment variable to `true`."));
            command.echoed = false;
            break; // commands stay active
        }
        command.echoed = true;
        m_stopped = true;
        m_stopToken = token;
        break;
    }
    case Kind::Echo: {
        const QString value = command.value.trimmed();
        if (value.compare(u"on", Qt::CaseInsensitive) == 0)
            m_echo = true;
        else if (value.compare(u"off", Qt::CaseInsensitive) == 0)
            m_echo = false;
        else
            fail(tr("Invalid echo command value. Possible values can be: 'on', 'off'. Current "
                    "value is: '%1'.")
                     .arg(command.value));
        break;
    }
    case Kind::SetOutput:
    case Kind::SaveState:
        command.deprecation = deprecatedMessage(command.name.toLower());
        if (name.isEmpty())
            fail(missingNameMessage(known->name));
        break;
    case Kind::SetEnv:
        if (!m_options.allowUnsecureCommands)
            fail(disabledMessage(QStringLiteral("set-env"), tr("environment")));
        else if (name.isEmpty())
            fail(missingNameMessage(known->name));
        else if (name.compare(u"NODE_OPTIONS", Qt::CaseInsensitive) == 0)
            command.problem =
                tr("Can't update NODE_OPTIONS environment variable using ::set-env:: command.");
        break;
    case Kind::AddPath:
        if (!m_options.allowUnsecureCommands)
            fail(disabledMessage(QStringLiteral("add-path"), tr("PATH")));
        else if (command.value.isEmpty())
            fail(tr("The add-path command needs a directory after its \"::\"."));
        break;
    case Kind::AddMask:
        if (command.value.trimmed().isEmpty())
            command.problem = tr("Can't add secret mask for empty string in ##[add-mask] command.");
        else
            command.echoed = m_echo; // as `::add-mask::***`
        break;
    case Kind::AddMatcher:
        if (command.value.isEmpty())
            command.problem = tr("File path must be specified.");
        break;
    case Kind::RemoveMatcher: {
        const bool hasOwner = !command.properties.value(QStringLiteral("owner")).isEmpty();
        if (hasOwner && !command.value.isEmpty())
            command.problem = tr("Either specify an owner name or a file path in "
                                 "##[remove-matcher] command. Both values cannot be set.");
        else if (!hasOwner && command.value.isEmpty())
            command.problem = tr("Either an owner name or a file path must be specified in "
                                 "##[remove-matcher] command.");
        break;
    }
    default:
        break;
    }
    return command;
}

std::optional<Annotation> annotationOf(const WorkflowCommand &c)
{
    if (c.kind != Kind::Error && c.kind != Kind::Warning && c.kind != Kind::Notice)
        return std::nullopt;
    Annotation a;
    a.level = c.kind == Kind::Error     ? Annotation::Level::Error
              : c.kind == Kind::Warning ? Annotation::Level::Warning
                                        : Annotation::Level::Notice;
    a.file = c.properties.value(QStringLiteral("file"));
    a.line = c.properties.value(QStringLiteral("line")).toInt();
    a.column = c.properties.value(QStringLiteral("col")).toInt();
    a.title = c.properties.value(QStringLiteral("title"));
    a.message = c.value;
    return a;
}

QString annotationText(const WorkflowCommand &c)
{
    const std::optional<Annotation> a = annotationOf(c);
    return a ? annotationText(*a) : QString();
}

} // namespace DeployDesk
