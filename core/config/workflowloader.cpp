#include "config/workflowloader.h"

#include "common/logging.h"
#include "common/regularfile.h"
#include "config/expression.h"
#include "config/messages.h"
#include "config/suggest.h"
#include "config/yamlsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace DeployDesk {

using namespace Internal;

const WorkflowJob *Workflow::job(const QString &id) const
{
    for (const WorkflowJob &j : jobs) {
        if (j.id == id)
            return &j;
    }
    return nullptr;
}

namespace {

constexpr qint64 maxFileSize = 4 * 1024 * 1024;
// GitHub's own limit on the jobs one matrix may make.
constexpr int maxMatrixJobs = 256;

QStringList keys(std::initializer_list<const char *> names)
{
    QStringList list;
    for (const char *name : names)
        list.append(QString::fromLatin1(name));
    return list;
}

const QStringList topLevelKeys =
    keys({"name", "run-name", "on", "permissions", "env", "defaults", "concurrency", "jobs"});
const QStringList jobKeys =
    keys({"name", "permissions", "needs", "if", "runs-on", "environment", "concurrency", "outputs",
          "env", "defaults", "steps", "timeout-minutes", "strategy", "continue-on-error",
          "container", "services", "uses", "with", "secrets"});
const QStringList stepKeys = keys({"id", "if", "name", "uses", "run", "working-directory", "shell",
                                   "with", "env", "continue-on-error", "timeout-minutes"});
const QStringList strategyKeys = keys({"matrix", "fail-fast", "max-parallel"});
const QStringList defaultsKeys = keys({"run"});
const QStringList defaultsRunKeys = keys({"shell", "working-directory"});
const QStringList concurrencyKeys = keys({"group", "cancel-in-progress"});
const QStringList environmentKeys = keys({"name", "url"});
const QStringList inputKeys = keys({"description", "required", "default", "type", "options"});
const QStringList inputTypes = keys({"string", "boolean", "number", "choice", "environment"});
const QStringList filterKeys =
    keys({"branches", "branches-ignore", "tags", "tags-ignore", "paths", "paths-ignore", "types"});
// Every event GitHub accepts under `on`.
const QStringList events = keys({"branch_protection_rule",
                                 "check_run",
                                 "check_suite",
                                 "create",
                                 "delete",
                                 "deployment",
                                 "deployment_status",
                                 "discussion",
                                 "discussion_comment",
                                 "fork",
                                 "gollum",
                                 "issue_comment",
                                 "issues",
                                 "label",
                                 "merge_group",
                                 "milestone",
                                 "page_build",
                                 "public",
                                 "pull_request",
                                 "pull_request_review",
                                 "pull_request_review_comment",
                                 "pull_request_target",
                                 "push",
                                 "registry_package",
                                 "release",
                                 "repository_dispatch",
                                 "schedule",
                                 "status",
                                 "watch",
                                 "workflow_call",
                                 "workflow_dispatch",
                                 "workflow_run"});

// GitHub's context availability table: which contexts and functions a `${{ }}` may use
// where it stands.
struct Place
{
    QStringList contexts;
    bool statusFunctions = false;
    bool hashFiles = false;
};

const Place workflowEnv{keys({"github", "secrets", "inputs", "vars"})};
const Place workflowHeader{keys({"github", "inputs", "vars"})}; // run-name, concurrency
const Place jobIf{keys({"github", "needs", "vars", "inputs"}), true};
const Place jobStrategy{keys({"github", "needs", "vars", "inputs"})};
// runs-on, name, environment, concurrency, timeout-minutes, continue-on-error, container,
// services
const Place jobHeader{keys({"github", "needs", "strategy", "matrix", "vars", "inputs"})};
const Place jobEnv{keys({"github", "needs", "strategy", "matrix", "vars", "secrets", "inputs"})};
const Place jobDefaults{keys({"github", "needs", "strategy", "matrix", "env", "vars", "inputs"})};
const Place environmentUrl{keys(
    {"github", "needs", "strategy", "matrix", "job", "runner", "env", "vars", "steps", "inputs"})};
const Place jobOutputs{keys({"github", "needs", "strategy", "matrix", "job", "runner", "env",
                             "vars", "secrets", "steps", "inputs"})};
const Place stepIf{keys({"github", "needs", "strategy", "matrix", "job", "runner", "env", "vars",
                         "steps", "inputs"}),
                   true, true};
const Place stepField{keys({"github", "needs", "strategy", "matrix", "job", "runner", "env", "vars",
                            "secrets", "steps", "inputs"}),
                      false, true};

// describe(), with empty lists and maps called so ("must be a non-empty list; found a
// list" would be a riddle).
QString found(const YAML::Node &node)
{
    if (node.IsSequence() && node.size() == 0)
        return msg("an empty list");
    if (node.IsMap() && node.size() == 0)
        return msg("an empty map");
    return describe(node);
}

bool isId(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    return re.match(name).hasMatch();
}

QString duplicateJob(const QString &key, int firstLine, const QString &)
{
    return msg("job \"%1\" is defined twice (first at line %2)").arg(key).arg(firstLine);
}

// A YAML scalar as the JSON value GitHub sees: plain `true`, `3`, `null` are typed; quoted
// text is a string.
QJsonValue scalarToJson(const YAML::Node &node)
{
    const QString text = scalarText(node);
    if (node.Tag() == "!") // quoted
        return text;
    static const QRegularExpression number(
        QStringLiteral("^[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?$"));
    if (text == u"true" || text == u"True" || text == u"TRUE")
        return true;
    if (text == u"false" || text == u"False" || text == u"FALSE")
        return false;
    if (text.isEmpty() || text == u"~" || text == u"null" || text == u"Null" || text == u"NULL")
        return QJsonValue::Null;
    if (number.match(text).hasMatch())
        return text.toDouble();
    return text;
}

std::optional<QJsonValue> toJson(const YAML::Node &node, int &budget, int depth = 0)
{
    if (--budget < 0 || depth > 32)
        return std::nullopt;
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return scalarToJson(node);
    case YAML::NodeType::Sequence: {
        QJsonArray list;
        for (const YAML::Node &item : node) {
            auto value = toJson(item, budget, depth + 1);
            if (!value)
                return std::nullopt;
            list.append(*value);
        }
        return list;
    }
    case YAML::NodeType::Map: {
        QJsonObject map;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node key = it->first;
            if (!key.IsScalar())
                return std::nullopt;
            auto value = toJson(it->second, budget, depth + 1);
            if (!value)
                return std::nullopt;
            map.insert(scalarText(key), *value);
        }
        return map;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

// A five-field cron line as GitHub's schedule takes it (POSIX cron; no seconds, no @daily).
bool isCronLine(const QString &line)
{
    static const QRegularExpression field(
        QStringLiteral("^(\\*|\\d+(-\\d+)?|[A-Za-z]{3}(-[A-Za-z]{3})?)(/\\d+)?"
                       "(,(\\*|\\d+(-\\d+)?|[A-Za-z]{3}(-[A-Za-z]{3})?)(/\\d+)?)*$"));
    const QStringList fields = line.simplified().split(u' ');
    if (fields.size() != 5)
        return false;
    for (const QString &f : fields) {
        if (!field.match(f).hasMatch())
            return false;
    }
    return true;
}

class WorkflowReader final
{
public:
    WorkflowReader(DiagnosticList &d, Workflow &workflow, const QByteArray &source)
        : m_d(d)
        , m_workflow(workflow)
        , m_lines(source.split('\n'))
    {}

    void readLocalAction(const YAML::Node &root, LocalAction &action) { readAction(root, action); }

    void read(const YAML::Node &root)
    {
        if (root.IsNull()) {
            m_d.add(m_d.location(1, 1),
                    msg("the file is empty; expected a map with \"on\" and \"jobs\""));
            return;
        }
        if (!root.IsMap()) {
            m_d.add(root.Mark(), msg("a workflow must be a map with \"on\" and \"jobs\" at the "
                                     "top level; found %1")
                                     .arg(describe(root)));
            return;
        }
        const QString context = msg("at the top level");
        bool sawOn = false;
        bool sawJobs = false;
        for (const MapEntry &e : mapEntries(root, m_d, context)) {
            if (e.key == u"name") {
                m_workflow.name = text(e, msg("\"name\""), &workflowHeader);
            } else if (e.key == u"run-name") {
                m_workflow.runName = text(e, msg("\"run-name\""), &workflowHeader);
            } else if (e.key == u"on") {
                sawOn = true;
                readOn(e);
            } else if (e.key == u"permissions") {
                // What the token may do on GitHub; nothing to check locally.
            } else if (e.key == u"env") {
                m_workflow.env = variables(e, msg("\"env\""), workflowEnv);
            } else if (e.key == u"defaults") {
                m_workflow.defaults = defaults(e, workflowHeader);
            } else if (e.key == u"concurrency") {
                m_workflow.concurrency = concurrency(e, workflowHeader);
            } else if (e.key == u"jobs") {
                sawJobs = true;
                readJobs(e);
            } else {
                reportUnknownKey(m_d, e, topLevelKeys, context);
            }
        }
        if (!sawOn) {
            m_d.add(root.Mark(), msg("missing required key \"on\": the events that start the "
                                     "workflow; add e.g. \"on: [push, workflow_dispatch]\""));
        }
        if (!sawJobs) {
            m_d.add(root.Mark(),
                    msg("missing required key \"jobs\"; add \"jobs:\" with at least one job"));
        }
        checkNeeds();
    }

private:
    // ---- values and the `${{ }}` in them

    // A scalar value, its expressions checked for `place`.
    WorkflowText text(const MapEntry &e, const QString &what, const Place *place,
                      bool allowEmpty = true)
    {
        const auto value = readString(e, what, m_d, allowEmpty);
        if (!value)
            return {};
        WorkflowText result{*value,
                            m_d.location(e.value.IsNull() ? e.keyNode.Mark() : e.value.Mark())};
        if (place)
            checkTemplate(e.value, *value, what, *place);
        return result;
    }

    WorkflowText condition(const MapEntry &e, const QString &what, const Place &place)
    {
        // An empty `if:` is no condition (GitHub reads it as success()).
        if (e.value.IsNull() || (e.value.IsScalar() && e.value.Scalar().empty()))
            return {};
        if (!e.value.IsScalar()) {
            m_d.add(e.valueMark(), msg("%1 must be a condition such as \"github.ref == "
                                       "'refs/heads/main'\"; found %2")
                                       .arg(what, describe(e.value)));
            return {};
        }
        const QString value = scalarText(e.value);
        const auto parsed = Condition::parse(value);
        if (!parsed) {
            report(e.value, value, parsed.error(), what);
        } else {
            checkPlace(e.value, value, 0, parsed->expression().contexts(),
                       parsed->expression().functions(), what, place);
        }
        return WorkflowText{value, m_d.location(e.value.Mark())};
    }

    // A boolean, a number or an expression (`continue-on-error`, `fail-fast`,
    // `timeout-minutes`, `max-parallel`).
    WorkflowText typedValue(const MapEntry &e, const QString &what, const Place &place, bool isBool)
    {
        if (!e.value.IsScalar()) {
            m_d.add(e.valueMark(), (isBool ? msg("%1 must be true, false or an expression; "
                                                 "found %2")
                                           : msg("%1 must be a number or an expression; "
                                                 "found %2"))
                                       .arg(what, describe(e.value)));
            return {};
        }
        const QString value = scalarText(e.value);
        const QJsonValue json = scalarToJson(e.value);
        if (value.contains(QLatin1String("${{"))) {
            checkTemplate(e.value, value, what, place);
        } else if (isBool ? !json.isBool() : !(json.isDouble() && json.toDouble() > 0)) {
            m_d.add(e.valueMark(),
                    (isBool ? msg("%1 must be true, false or an expression; found %2")
                            : msg("%1 must be a number greater than 0 or an expression; "
                                  "found %2"))
                        .arg(what, describe(e.value)));
            return {};
        }
        return WorkflowText{value, m_d.location(e.value.Mark())};
    }

    void checkTemplate(const YAML::Node &node, const QString &value, const QString &what,
                       const Place &place)
    {
        if (!value.contains(QLatin1String("${{")))
            return;
        const auto parsed = ExprTemplate::parse(value);
        if (!parsed) {
            report(node, value, parsed.error(), what);
            return;
        }
        for (const ExprTemplate::Part &part : parsed->parts()) {
            if (part.expression) {
                checkPlace(node, value, part.offset, part.expression->contexts(),
                           part.expression->functions(), what, place);
            }
        }
    }

    void checkPlace(const YAML::Node &node, const QString &value, int offset,
                    const QSet<QString> &contexts, const QSet<QString> &functions,
                    const QString &what, const Place &place)
    {
        QStringList used(contexts.cbegin(), contexts.cend());
        used.sort();
        for (const QString &name : std::as_const(used)) {
            if (!place.contexts.contains(name)) {
                m_d.add(locate(node, value, offset),
                        msg("the \"%1\" context is not available in %2; available there: %3")
                            .arg(name, what, joinNames(place.contexts)));
            }
        }
        static const QStringList status = keys({"success", "failure", "always", "cancelled"});
        QStringList called(functions.cbegin(), functions.cend());
        called.sort();
        for (const QString &name : std::as_const(called)) {
            if (status.contains(name) && !place.statusFunctions) {
                m_d.add(locate(node, value, offset),
                        msg("%1() may only be used in \"if:\"; not in %2").arg(name, what));
            } else if (name == u"hashfiles" && !place.hashFiles) {
                m_d.add(locate(node, value, offset),
                        msg("hashFiles() may only be used in a step; not in %1").arg(what));
            }
        }
    }

    void report(const YAML::Node &node, const QString &value, const ExprError &error,
                const QString &what)
    {
        m_d.add(locate(node, value, error.offset), msg("%1: %2").arg(what, error.message));
    }

    // Where character `offset` of a scalar's value is in the file. Exact for plain and
    // single-line quoted scalars and for block scalars (`|`, `>`); for a quoted scalar that
    // spans lines, the line of the offset at its indentation.
    SourceLocation locate(const YAML::Node &node, const QString &value, int offset)
    {
        const YAML::Mark mark = node.Mark();
        offset = std::clamp(offset, 0, int(value.size()));
        const int newlines = int(QStringView(value).first(offset).count(u'\n'));
        const int lineStart = int(value.lastIndexOf(u'\n', offset - 1)) + 1;
        const QString lineText = value.mid(lineStart, offset - lineStart);
        const QByteArray raw = m_lines.value(mark.line);
        const char first = mark.column < raw.size() ? raw.at(mark.column) : '\0';
        const bool block = first == '|' || first == '>';
        if (!block && newlines == 0) {
            const int quote = (first == '\'' || first == '"') ? 1 : 0;
            return m_d.location(mark.line + 1, mark.column + 1 + quote + int(lineText.size()));
        }
        const int line = mark.line + newlines + (block ? 1 : 0);
        const QString rawLine = QString::fromUtf8(m_lines.value(line));
        const qsizetype at = lineText.isEmpty() ? -1 : rawLine.indexOf(lineText);
        qsizetype indent = 0;
        while (indent < rawLine.size() && rawLine.at(indent).isSpace())
            ++indent;
        const qsizetype column = at >= 0 ? at + lineText.size() : indent;
        return m_d.location(line + 1, int(column) + 1);
    }

    WorkflowVariables variables(const MapEntry &e, const QString &what, const Place &place)
    {
        WorkflowVariables result;
        if (e.value.IsNull())
            return result;
        if (e.value.IsScalar() && e.value.Scalar().find("${{") != std::string::npos) {
            // `env: ${{ fromJSON(...) }}`: a map computed at run time.
            checkTemplate(e.value, scalarText(e.value), what, place);
            result.append(
                {QString(), WorkflowText{scalarText(e.value), m_d.location(e.value.Mark())}});
            return result;
        }
        if (!e.value.IsMap()) {
            m_d.add(e.valueMark(),
                    msg("%1 must be a map of name: value; found %2").arg(what, describe(e.value)));
            return result;
        }
        for (const MapEntry &v : mapEntries(e.value, m_d, msg("in %1").arg(what))) {
            if (!v.value.IsScalar() && !v.value.IsNull()) {
                m_d.add(v.valueMark(), msg("\"%1\" in %2 must be a string, number or boolean; "
                                           "found %3")
                                           .arg(v.key, what, describe(v.value)));
                continue;
            }
            const QString value = v.value.IsNull() ? QString() : scalarText(v.value);
            checkTemplate(v.value, value, msg("\"%1\" in %2").arg(v.key, what), place);
            result.append({v.key, WorkflowText{value, m_d.location(v.valueMark())}});
        }
        return result;
    }

    WorkflowDefaults defaults(const MapEntry &e, const Place &place)
    {
        WorkflowDefaults result;
        if (!e.value.IsMap()) {
            m_d.add(
                e.valueMark(),
                msg("\"defaults\" must be a map with \"run\"; found %1").arg(describe(e.value)));
            return result;
        }
        for (const MapEntry &d : mapEntries(e.value, m_d, msg("in \"defaults\""))) {
            if (d.key != u"run") {
                reportUnknownKey(m_d, d, defaultsKeys, msg("in \"defaults\""));
                continue;
            }
            if (!d.value.IsMap()) {
                m_d.add(d.valueMark(), msg("\"defaults.run\" must be a map with \"shell\" and "
                                           "\"working-directory\"; found %1")
                                           .arg(describe(d.value)));
                continue;
            }
            for (const MapEntry &r : mapEntries(d.value, m_d, msg("in \"defaults.run\""))) {
                if (r.key == u"shell")
                    result.shell = text(r, msg("\"defaults.run.shell\""), &place, false);
                else if (r.key == u"working-directory")
                    result.workingDirectory =
                        text(r, msg("\"defaults.run.working-directory\""), &place, false);
                else
                    reportUnknownKey(m_d, r, defaultsRunKeys, msg("in \"defaults.run\""));
            }
        }
        return result;
    }

    WorkflowConcurrency concurrency(const MapEntry &e, const Place &place)
    {
        WorkflowConcurrency result;
        const QString what = msg("\"concurrency\"");
        if (e.value.IsScalar()) {
            result.group = text(e, what, &place, false);
            return result;
        }
        if (!e.value.IsMap()) {
            m_d.add(e.valueMark(), msg("\"concurrency\" must be a group name or a map with "
                                       "\"group\" and \"cancel-in-progress\"; found %1")
                                       .arg(describe(e.value)));
            return result;
        }
        for (const MapEntry &c : mapEntries(e.value, m_d, msg("in \"concurrency\""))) {
            if (c.key == u"group")
                result.group = text(c, msg("\"concurrency.group\""), &place, false);
            else if (c.key == u"cancel-in-progress")
                result.cancelInProgress =
                    typedValue(c, msg("\"concurrency.cancel-in-progress\""), place, true);
            else
                reportUnknownKey(m_d, c, concurrencyKeys, msg("in \"concurrency\""));
        }
        if (!result.group.isSet()) {
            m_d.add(
                e.keyNode.Mark(),
                msg("\"concurrency\" needs a \"group\"; add e.g. \"group: ${{ github.ref }}\""));
        }
        return result;
    }

    // ---- on:

    void readOn(const MapEntry &e)
    {
        auto addEvent = [&](const QString &name, const YAML::Node &where) {
            if (!events.contains(name)) {
                m_d.add(where.Mark(), msg("unknown event \"%1\" in \"on\"%2")
                                          .arg(name, didYouMean(name, events).isEmpty()
                                                         ? msg("; see GitHub's list of events "
                                                               "that trigger workflows")
                                                         : didYouMean(name, events)));
                return;
            }
            m_workflow.on.events.append(name);
        };
        if (e.value.IsScalar()) {
            addEvent(scalarText(e.value), e.value);
            return;
        }
        if (e.value.IsSequence()) {
            for (const YAML::Node &item : e.value) {
                if (item.IsScalar())
                    addEvent(scalarText(item), item);
                else
                    m_d.add(item.Mark(), msg("the events in \"on\" must be names such as "
                                             "\"push\"; found %1")
                                             .arg(describe(item)));
            }
            return;
        }
        if (!e.value.IsMap()) {
            m_d.add(e.valueMark(), msg("\"on\" must name the events that start the workflow: a "
                                       "name, a list or a map; found %1")
                                       .arg(describe(e.value)));
            return;
        }
        for (const MapEntry &ev : mapEntries(e.value, m_d, msg("in \"on\""))) {
            addEvent(ev.key, ev.keyNode);
            if (ev.key == u"workflow_dispatch")
                readDispatch(ev);
            else if (ev.key == u"schedule")
                readSchedule(ev);
            else if (ev.key == u"push" || ev.key.startsWith(QLatin1String("pull_request")))
                readFilters(ev);
        }
    }

    void readFilters(const MapEntry &ev)
    {
        if (ev.value.IsNull())
            return;
        if (!ev.value.IsMap()) {
            m_d.add(ev.valueMark(), msg("\"%1\" must be a map of filters (branches, tags, "
                                        "paths, types) or nothing; found %2")
                                        .arg(ev.key, describe(ev.value)));
            return;
        }
        QSet<QString> seen;
        const QString context = msg("in \"on.%1\"").arg(ev.key);
        for (const MapEntry &f : mapEntries(ev.value, m_d, context)) {
            if (!filterKeys.contains(f.key)) {
                reportUnknownKey(m_d, f, filterKeys, context);
                continue;
            }
            readStringList(f, msg("\"on.%1.%2\"").arg(ev.key, f.key), m_d);
            for (const char *pair : {"branches", "tags", "paths"}) {
                const QString positive = QString::fromLatin1(pair);
                const QString negative = positive + QStringLiteral("-ignore");
                if ((f.key == positive && seen.contains(negative)) ||
                    (f.key == negative && seen.contains(positive))) {
                    m_d.add(f.keyNode.Mark(),
                            msg("\"%1\" and \"%2\" cannot both filter \"on.%3\"; use \"%1\" "
                                "with \"!\" patterns to leave some out")
                                .arg(positive, negative, ev.key));
                }
            }
            seen.insert(f.key);
        }
    }

    void readSchedule(const MapEntry &ev)
    {
        if (!ev.value.IsSequence() || ev.value.size() == 0) {
            m_d.add(ev.valueMark(), msg("\"on.schedule\" must be a list of \"- cron: '...'\" "
                                        "entries; found %1")
                                        .arg(describe(ev.value)));
            return;
        }
        for (const YAML::Node &item : ev.value) {
            if (!item.IsMap() || !item["cron"] || !item["cron"].IsScalar()) {
                m_d.add(item.Mark(), msg("each \"on.schedule\" entry must be \"cron: '...'\" "
                                         "with five fields, e.g. \"cron: '30 5 * * 1-5'\"; "
                                         "found %1")
                                         .arg(describe(item)));
                continue;
            }
            const QString line = scalarText(item["cron"]);
            if (!isCronLine(line)) {
                m_d.add(item["cron"].Mark(),
                        msg("\"%1\" is not a cron line GitHub accepts: it takes five fields "
                            "(minute hour day-of-month month day-of-week), e.g. "
                            "\"30 5 * * 1-5\"")
                            .arg(line));
                continue;
            }
            m_workflow.on.schedules.append(line);
        }
    }

    void readDispatch(const MapEntry &ev)
    {
        if (ev.value.IsNull())
            return;
        if (!ev.value.IsMap()) {
            m_d.add(ev.valueMark(), msg("\"workflow_dispatch\" must be a map with \"inputs\" "
                                        "or nothing; found %1")
                                        .arg(describe(ev.value)));
            return;
        }
        for (const MapEntry &f : mapEntries(ev.value, m_d, msg("in \"workflow_dispatch\""))) {
            if (f.key != u"inputs") {
                reportUnknownKey(m_d, f, keys({"inputs"}), msg("in \"workflow_dispatch\""));
                continue;
            }
            if (f.value.IsNull())
                continue;
            if (!f.value.IsMap()) {
                m_d.add(f.valueMark(), msg("\"workflow_dispatch.inputs\" must be a map of input "
                                           "name: settings; found %1")
                                           .arg(describe(f.value)));
                continue;
            }
            for (const MapEntry &in : mapEntries(f.value, m_d, msg("in \"inputs\"")))
                m_workflow.on.dispatchInputs.append(readInput(in));
        }
        if (m_workflow.on.dispatchInputs.size() > 25) {
            m_d.add(ev.keyNode.Mark(), msg("\"workflow_dispatch\" has %1 inputs; GitHub allows "
                                           "at most 25")
                                           .arg(m_workflow.on.dispatchInputs.size()));
        }
    }

    WorkflowInput readInput(const MapEntry &in)
    {
        WorkflowInput input;
        input.name = in.key;
        input.where = m_d.location(in.keyNode.Mark());
        if (!isId(in.key)) {
            m_d.add(in.keyNode.Mark(), msg("input name \"%1\" must start with a letter or \"_\" "
                                           "and contain only letters, digits, \"-\" and \"_\"")
                                           .arg(in.key));
        }
        if (in.value.IsNull())
            return input;
        if (!in.value.IsMap()) {
            m_d.add(in.valueMark(), msg("input \"%1\" must be a map (description, required, "
                                        "default, type, options); found %2")
                                        .arg(in.key, describe(in.value)));
            return input;
        }
        const QString context = msg("in input \"%1\"").arg(in.key);
        YAML::Mark defaultMark;
        YAML::Mark typeMark = in.keyNode.Mark();
        bool sawOptions = false;
        for (const MapEntry &f : mapEntries(in.value, m_d, context)) {
            const QString what = msg("\"%1\" of input \"%2\"").arg(f.key, in.key);
            if (f.key == u"description") {
                input.description = readString(f, what, m_d, true).value_or(QString());
            } else if (f.key == u"required") {
                input.required = readBool(f, what, m_d).value_or(false);
            } else if (f.key == u"default") {
                if (f.value.IsScalar()) {
                    input.defaultValue = scalarText(f.value);
                    defaultMark = f.value.Mark();
                } else if (!f.value.IsNull()) {
                    m_d.add(
                        f.valueMark(),
                        msg("%1 must be a single value; found %2").arg(what, describe(f.value)));
                }
            } else if (f.key == u"type") {
                typeMark = f.valueMark();
                const QString type = readString(f, what, m_d).value_or(input.type);
                if (!inputTypes.contains(type)) {
                    m_d.add(f.valueMark(), msg("%1 must be one of: %2; found \"%3\"%4")
                                               .arg(what, joinNames(inputTypes), type,
                                                    didYouMean(type, inputTypes)));
                } else {
                    input.type = type;
                }
            } else if (f.key == u"options") {
                sawOptions = true;
                if (const auto list = readStringList(f, what, m_d)) {
                    for (const ListItem &item : *list)
                        input.options.append(item.value);
                }
            } else {
                reportUnknownKey(m_d, f, inputKeys, context);
            }
        }
        if (input.type == u"choice" && input.options.isEmpty()) {
            m_d.add(typeMark, msg("input \"%1\" of type choice needs \"options\", e.g. "
                                  "\"options: [staging, production]\"")
                                  .arg(in.key));
        } else if (sawOptions && input.type != u"choice") {
            m_d.add(typeMark, msg("input \"%1\" has \"options\" but is of type %2; add \"type: "
                                  "choice\"")
                                  .arg(in.key, input.type));
        }
        if (input.defaultValue) {
            const QString &value = *input.defaultValue;
            bool isNumber = false;
            value.toDouble(&isNumber);
            if (input.type == u"boolean" && value != u"true" && value != u"false") {
                m_d.add(defaultMark, msg("the default of boolean input \"%1\" must be true or "
                                         "false; found \"%2\"")
                                         .arg(in.key, value));
            } else if (input.type == u"number" && !isNumber) {
                m_d.add(defaultMark, msg("the default of number input \"%1\" must be a number; "
                                         "found \"%2\"")
                                         .arg(in.key, value));
            } else if (input.type == u"choice" && !input.options.isEmpty() &&
                       !input.options.contains(value)) {
                m_d.add(defaultMark, msg("the default \"%1\" of input \"%2\" is not one of its "
                                         "options (%3)")
                                         .arg(value, in.key, joinNames(input.options)));
            }
        }
        return input;
    }

    // ---- jobs:

    void readJobs(const MapEntry &e)
    {
        if (e.value.IsNull() || (e.value.IsMap() && e.value.size() == 0)) {
            m_d.add(e.keyNode.Mark(), msg("\"jobs\" must define at least one job"));
            return;
        }
        if (!e.value.IsMap()) {
            m_d.add(
                e.valueMark(),
                msg("\"jobs\" must be a map of job id: settings; found %1").arg(describe(e.value)));
            return;
        }
        for (const MapEntry &entry : mapEntries(e.value, m_d, msg("in \"jobs\""), duplicateJob))
            m_workflow.jobs.append(readJob(entry));
    }

    WorkflowJob readJob(const MapEntry &entry)
    {
        WorkflowJob job;
        job.id = entry.key;
        job.where = m_d.location(entry.keyNode.Mark());
        if (!isId(job.id)) {
            m_d.add(entry.keyNode.Mark(), msg("job id \"%1\" must start with a letter or \"_\" "
                                              "and contain only letters, digits, \"-\" and "
                                              "\"_\"")
                                              .arg(job.id));
        }
        if (!entry.value.IsMap()) {
            m_d.add(entry.valueMark(), msg("job \"%1\" must be a map with \"runs-on\" and "
                                           "\"steps\"; found %2")
                                           .arg(job.id, describe(entry.value)));
            return job;
        }
        const QString context = msg("in job \"%1\"").arg(job.id);
        auto what = [&](const QString &key) {
            return msg("\"%1\" of job \"%2\"").arg(key, job.id);
        };
        bool sawRunsOn = false;
        bool sawSteps = false;
        for (const MapEntry &e : mapEntries(entry.value, m_d, context)) {
            if (e.key == u"name") {
                job.name = text(e, what(e.key), &jobHeader);
            } else if (e.key == u"permissions" || e.key == u"secrets") {
                // GitHub-side settings (secrets: for reusable workflow calls).
            } else if (e.key == u"with") {
                variables(e, what(e.key), jobEnv);
            } else if (e.key == u"needs") {
                if (const auto list = readStringList(e, what(e.key), m_d)) {
                    for (const ListItem &item : *list)
                        job.needs.append({item.value, item.where});
                }
            } else if (e.key == u"if") {
                job.condition = condition(e, what(e.key), jobIf);
            } else if (e.key == u"runs-on") {
                sawRunsOn = true;
                readRunsOn(e, job, what(e.key));
            } else if (e.key == u"environment") {
                readEnvironment(e, job);
            } else if (e.key == u"concurrency") {
                job.concurrency = concurrency(e, jobHeader);
            } else if (e.key == u"outputs") {
                job.outputs = variables(e, what(e.key), jobOutputs);
            } else if (e.key == u"env") {
                job.env = variables(e, what(e.key), jobEnv);
            } else if (e.key == u"defaults") {
                job.defaults = defaults(e, jobDefaults);
            } else if (e.key == u"steps") {
                sawSteps = true;
                readSteps(e, job);
            } else if (e.key == u"timeout-minutes") {
                job.timeoutMinutes = typedValue(e, what(e.key), jobHeader, false);
            } else if (e.key == u"strategy") {
                readStrategy(e, job);
            } else if (e.key == u"continue-on-error") {
                job.continueOnError = typedValue(e, what(e.key), jobHeader, true);
            } else if (e.key == u"container") {
                readContainer(e, job);
            } else if (e.key == u"services") {
                readServices(e, job);
            } else if (e.key == u"uses") {
                job.uses = text(e, what(e.key), nullptr, false);
            } else {
                reportUnknownKey(m_d, e, jobKeys, context);
            }
        }
        if (job.uses.isSet()) {
            if (sawSteps || sawRunsOn) {
                m_d.add(entry.keyNode.Mark(),
                        msg("job \"%1\" calls a reusable workflow with \"uses\"; it cannot also "
                            "have \"runs-on\" or \"steps\"")
                            .arg(job.id));
            }
        } else {
            if (!sawRunsOn) {
                m_d.add(entry.keyNode.Mark(),
                        msg("job \"%1\" has no \"runs-on\"; add e.g. \"runs-on: ubuntu-latest\"")
                            .arg(job.id));
            }
            if (!sawSteps) {
                m_d.add(entry.keyNode.Mark(),
                        msg("job \"%1\" has no \"steps\"; add \"steps:\" with at least one "
                            "\"- run: ...\"")
                            .arg(job.id));
            }
        }
        return job;
    }

    void readRunsOn(const MapEntry &e, WorkflowJob &job, const QString &what)
    {
        if (e.value.IsScalar()) {
            job.runsOn = text(e, what, &jobHeader, false);
            job.runsOnLabels = {job.runsOn.text};
            return;
        }
        int budget = 10000;
        const auto json = toJson(e.value, budget);
        if (e.value.IsSequence()) {
            for (const YAML::Node &item : e.value) {
                if (item.IsScalar())
                    job.runsOnLabels.append(scalarText(item));
                else
                    m_d.add(
                        item.Mark(),
                        msg("the labels in %1 must be names; found %2").arg(what, describe(item)));
            }
        } else if (e.value.IsMap()) {
            // {group: ..., labels: ...}
            if (e.value["labels"] && e.value["labels"].IsScalar())
                job.runsOnLabels.append(scalarText(e.value["labels"]));
            else if (e.value["labels"] && e.value["labels"].IsSequence())
                for (const YAML::Node &item : e.value["labels"])
                    job.runsOnLabels.append(item.IsScalar() ? scalarText(item) : QString());
        } else {
            m_d.add(e.valueMark(), msg("%1 must name a runner, e.g. \"ubuntu-latest\"; found %2")
                                       .arg(what, describe(e.value)));
            return;
        }
        job.runsOn = WorkflowText{
            json
                ? QString::fromUtf8(QJsonDocument(json->isArray() ? QJsonDocument(json->toArray())
                                                                  : QJsonDocument(json->toObject()))
                                        .toJson(QJsonDocument::Compact))
                : QString(),
            m_d.location(e.value.Mark())};
    }

    void readEnvironment(const MapEntry &e, WorkflowJob &job)
    {
        if (e.value.IsScalar()) {
            job.environmentName =
                text(e, msg("\"environment\" of job \"%1\"").arg(job.id), &jobHeader, false);
            return;
        }
        if (!e.value.IsMap()) {
            m_d.add(e.valueMark(), msg("\"environment\" of job \"%1\" must be a name or a map "
                                       "with \"name\" and \"url\"; found %2")
                                       .arg(job.id, describe(e.value)));
            return;
        }
        const QString context = msg("in \"environment\" of job \"%1\"").arg(job.id);
        for (const MapEntry &f : mapEntries(e.value, m_d, context)) {
            const QString what = msg("\"environment.%1\" of job \"%2\"").arg(f.key, job.id);
            if (f.key == u"name")
                job.environmentName = text(f, what, &jobHeader, false);
            else if (f.key == u"url")
                job.environmentUrl = text(f, what, &environmentUrl, false);
            else
                reportUnknownKey(m_d, f, environmentKeys, context);
        }
        if (!job.environmentName.isSet()) {
            m_d.add(e.keyNode.Mark(),
                    msg("\"environment\" of job \"%1\" needs a \"name\"").arg(job.id));
        }
    }

    void readContainer(const MapEntry &e, WorkflowJob &job)
    {
        const QString what = msg("\"container\" of job \"%1\"").arg(job.id);
        if (e.value.IsScalar()) {
            job.container = text(e, what, &jobHeader, false);
        } else if (e.value.IsMap() && e.value["image"] && e.value["image"].IsScalar()) {
            job.container =
                WorkflowText{scalarText(e.value["image"]), m_d.location(e.value["image"].Mark())};
        } else {
            m_d.add(e.valueMark(), msg("%1 must be an image name or a map with \"image\"; "
                                       "found %2")
                                       .arg(what, describe(e.value)));
        }
    }

    void readServices(const MapEntry &e, WorkflowJob &job)
    {
        if (!e.value.IsMap()) {
            m_d.add(e.valueMark(), msg("\"services\" of job \"%1\" must be a map of service "
                                       "name: container; found %2")
                                       .arg(job.id, describe(e.value)));
            return;
        }
        job.servicesWhere = m_d.location(e.keyNode.Mark());
        for (const MapEntry &s :
             mapEntries(e.value, m_d, msg("in \"services\" of job \"%1\"").arg(job.id)))
            job.services.append(s.key);
    }

    void readStrategy(const MapEntry &e, WorkflowJob &job)
    {
        if (!e.value.IsMap()) {
            m_d.add(e.valueMark(), msg("\"strategy\" of job \"%1\" must be a map with "
                                       "\"matrix\", \"fail-fast\" or \"max-parallel\"; found %2")
                                       .arg(job.id, describe(e.value)));
            return;
        }
        const QString context = msg("in \"strategy\" of job \"%1\"").arg(job.id);
        for (const MapEntry &f : mapEntries(e.value, m_d, context)) {
            const QString what = msg("\"strategy.%1\" of job \"%2\"").arg(f.key, job.id);
            if (f.key == u"matrix")
                readMatrix(f, job, what);
            else if (f.key == u"fail-fast")
                job.failFast = typedValue(f, what, jobStrategy, true);
            else if (f.key == u"max-parallel")
                job.maxParallel = typedValue(f, what, jobStrategy, false);
            else
                reportUnknownKey(m_d, f, strategyKeys, context);
        }
    }

    void readMatrix(const MapEntry &e, WorkflowJob &job, const QString &what)
    {
        WorkflowMatrix &matrix = job.matrix;
        matrix.where = m_d.location(e.keyNode.Mark());
        if (e.value.IsScalar() && e.value.Scalar().find("${{") != std::string::npos) {
            matrix.expression = text(e, what, &jobStrategy, false);
            return;
        }
        if (!e.value.IsMap()) {
            m_d.add(e.valueMark(), msg("%1 must be a map of axis: [values] (with \"include\" and "
                                       "\"exclude\" lists); found %2")
                                       .arg(what, describe(e.value)));
            return;
        }
        int budget = 100000;
        bool invalidAxes = false;
        for (const MapEntry &axis : mapEntries(e.value, m_d, msg("in %1").arg(what))) {
            const QString axisWhat = msg("\"%1\" of %2").arg(axis.key, what);
            if (axis.value.IsScalar() && axis.value.Scalar().find("${{") != std::string::npos) {
                matrix.axisExpressions.append(
                    {axis.key, text(axis, axisWhat, &jobStrategy, false)});
                continue;
            }
            const auto json = toJson(axis.value, budget);
            if (!json) {
                m_d.add(axis.valueMark(),
                        msg("%1 is too large or nested too deeply").arg(axisWhat));
                invalidAxes = true;
                continue;
            }
            const bool isList = axis.key == u"include" || axis.key == u"exclude";
            if (!json->isArray() || (!isList && json->toArray().isEmpty())) {
                m_d.add(axis.valueMark(),
                        isList ? msg("%1 must be a list of maps, e.g. \"- os: windows-latest\"; "
                                     "found %2")
                                     .arg(axisWhat, describe(axis.value))
                               : msg("%1 must be a non-empty list of values, e.g. \"[18, "
                                     "20]\"; found %2")
                                     .arg(axisWhat, found(axis.value)));
                invalidAxes = true;
                continue;
            }
            if (isList) {
                const QJsonArray list = json->toArray();
                bool allMaps = true;
                for (qsizetype i = 0; i < list.size(); ++i) {
                    if (!list.at(i).isObject()) {
                        allMaps = false;
                        m_d.add(axis.value[i].Mark(),
                                msg("each entry of %1 must be a map of axis: value; found %2")
                                    .arg(axisWhat, describe(axis.value[i])));
                    }
                }
                if (allMaps)
                    (axis.key == u"include" ? matrix.include : matrix.exclude) = list;
                continue;
            }
            matrix.axes.append({axis.key, json->toArray()});
        }
        if (matrix.axes.isEmpty() && matrix.include.isEmpty() && matrix.axisExpressions.isEmpty() &&
            !invalidAxes) {
            m_d.add(e.keyNode.Mark(),
                    msg("%1 has no axes; add e.g. \"node: [18, 20]\" or an \"include\" list")
                        .arg(what));
        }
        qint64 combinations = 1;
        for (const auto &[name, values] : std::as_const(matrix.axes))
            combinations = std::min<qint64>(combinations * values.size(), 1 << 20);
        if (combinations > maxMatrixJobs) {
            m_d.add(e.keyNode.Mark(), msg("%1 makes %2 combinations; GitHub allows at most %3 "
                                          "jobs per matrix")
                                          .arg(what)
                                          .arg(combinations)
                                          .arg(maxMatrixJobs));
        }
    }

    void readSteps(const MapEntry &e, WorkflowJob &job)
    {
        if (!e.value.IsSequence() || e.value.size() == 0) {
            m_d.add(e.valueMark(), msg("\"steps\" of job \"%1\" must be a list with at least one "
                                       "step, e.g. \"- run: make\"; found %2")
                                       .arg(job.id, found(e.value)));
            return;
        }
        QHash<QString, int> ids;
        int index = 0;
        for (const YAML::Node &node : e.value) {
            WorkflowStep step;
            step.index = index++;
            step.where = m_d.location(node.Mark());
            const QString label = msg("step %1 of job \"%2\"").arg(step.index + 1).arg(job.id);
            if (!node.IsMap()) {
                m_d.add(node.Mark(), msg("%1 must be a map with \"run\" or \"uses\"; found %2")
                                         .arg(label, describe(node)));
                continue;
            }
            const QString context = msg("in %1").arg(label);
            auto what = [&](const QString &key) { return msg("\"%1\" of %2").arg(key, label); };
            for (const MapEntry &f : mapEntries(node, m_d, context)) {
                if (f.key == u"id") {
                    step.id = readString(f, what(f.key), m_d).value_or(QString());
                    if (!step.id.isEmpty() && !isId(step.id)) {
                        m_d.add(f.valueMark(), msg("step id \"%1\" must start with a letter or "
                                                   "\"_\" and contain only letters, digits, "
                                                   "\"-\" and \"_\"")
                                                   .arg(step.id));
                    } else if (const auto first = ids.constFind(step.id);
                               !step.id.isEmpty() && first != ids.cend()) {
                        m_d.add(f.valueMark(), msg("step id \"%1\" is used twice in job \"%2\" "
                                                   "(first at line %3)")
                                                   .arg(step.id, job.id)
                                                   .arg(*first));
                    } else if (!step.id.isEmpty()) {
                        ids.insert(step.id, m_d.location(f.value.Mark()).line);
                    }
                } else if (f.key == u"if") {
                    step.condition = condition(f, what(f.key), stepIf);
                } else if (f.key == u"name") {
                    step.name = text(f, what(f.key), &stepField);
                } else if (f.key == u"uses") {
                    step.uses = text(f, what(f.key), nullptr, false);
                } else if (f.key == u"run") {
                    step.run = text(f, what(f.key), &stepField, false);
                } else if (f.key == u"working-directory") {
                    step.workingDirectory = text(f, what(f.key), &stepField, false);
                } else if (f.key == u"shell") {
                    step.shell = text(f, what(f.key), &stepField, false);
                } else if (f.key == u"with") {
                    step.with = variables(f, what(f.key), stepField);
                } else if (f.key == u"env") {
                    step.env = variables(f, what(f.key), stepField);
                } else if (f.key == u"continue-on-error") {
                    step.continueOnError = typedValue(f, what(f.key), stepField, true);
                } else if (f.key == u"timeout-minutes") {
                    step.timeoutMinutes = typedValue(f, what(f.key), stepField, false);
                } else {
                    reportUnknownKey(m_d, f, stepKeys, context);
                }
            }
            if (step.run.isSet() == step.uses.isSet()) {
                m_d.add(node.Mark(), step.run.isSet()
                                         ? msg("%1 has both \"run\" and \"uses\"; a step does "
                                               "one: split it in two")
                                               .arg(label)
                                         : msg("%1 has neither \"run\" nor \"uses\"; add e.g. "
                                               "\"run: make\"")
                                               .arg(label));
            }
            if (step.uses.isSet() && (step.shell.isSet() || step.workingDirectory.isSet())) {
                m_d.add(node.Mark(), msg("%1 uses an action: \"shell\" and "
                                         "\"working-directory\" apply only to \"run\" steps")
                                         .arg(label));
            }
            job.steps.append(std::move(step));
        }
    }

    // ---- a local action's action.yml

    void readAction(const YAML::Node &root, LocalAction &action)
    {
        if (!root.IsMap()) {
            m_d.add(root.Mark(),
                    msg("an action.yml must be a map with \"runs\"; found %1").arg(describe(root)));
            return;
        }
        static const QStringList actionKeys =
            keys({"name", "description", "author", "branding", "inputs", "outputs", "runs"});
        const QString context = msg("in the action");
        bool sawRuns = false;
        for (const MapEntry &e : mapEntries(root, m_d, context)) {
            if (e.key == u"name") {
                action.name = readString(e, msg("\"name\""), m_d, true).value_or(QString());
            } else if (e.key == u"description" || e.key == u"author" || e.key == u"branding") {
            } else if (e.key == u"inputs") {
                readActionInputs(e, action);
            } else if (e.key == u"outputs") {
                readActionOutputs(e, action);
            } else if (e.key == u"runs") {
                sawRuns = true;
                readRuns(e, action);
            } else {
                reportUnknownKey(m_d, e, actionKeys, context);
            }
        }
        if (!sawRuns) {
            m_d.add(root.Mark(), msg("the action has no \"runs\"; a composite action needs "
                                     "\"runs: { using: composite, steps: [...] }\""));
        }
    }

    void readActionInputs(const MapEntry &e, LocalAction &action)
    {
        if (e.value.IsNull())
            return;
        if (!e.value.IsMap()) {
            m_d.add(e.valueMark(), msg("\"inputs\" must be a map of input name: settings; "
                                       "found %1")
                                       .arg(describe(e.value)));
            return;
        }
        static const QStringList allowed =
            keys({"description", "required", "default", "deprecationMessage"});
        for (const MapEntry &in : mapEntries(e.value, m_d, msg("in \"inputs\""))) {
            LocalActionInput input;
            input.name = in.key;
            if (in.value.IsMap()) {
                const QString context = msg("in input \"%1\"").arg(in.key);
                for (const MapEntry &f : mapEntries(in.value, m_d, context)) {
                    const QString what = msg("\"%1\" of input \"%2\"").arg(f.key, in.key);
                    if (f.key == u"required")
                        input.required = readBool(f, what, m_d).value_or(false);
                    else if (f.key == u"default")
                        input.defaultValue = text(f, what, &stepField);
                    else if (!allowed.contains(f.key))
                        reportUnknownKey(m_d, f, allowed, context);
                }
            } else if (!in.value.IsNull()) {
                m_d.add(in.valueMark(), msg("input \"%1\" must be a map (description, required, "
                                            "default); found %2")
                                            .arg(in.key, describe(in.value)));
            }
            action.inputs.append(input);
        }
    }

    void readActionOutputs(const MapEntry &e, LocalAction &action)
    {
        if (e.value.IsNull())
            return;
        if (!e.value.IsMap()) {
            m_d.add(e.valueMark(), msg("\"outputs\" must be a map of output name: settings; "
                                       "found %1")
                                       .arg(describe(e.value)));
            return;
        }
        for (const MapEntry &out : mapEntries(e.value, m_d, msg("in \"outputs\""))) {
            if (!out.value.IsMap() || !out.value["value"]) {
                // A JavaScript or Docker action's outputs have no `value`: they are set by
                // the action itself.
                action.outputs.append({out.key, WorkflowText{}});
                continue;
            }
            for (const MapEntry &f :
                 mapEntries(out.value, m_d, msg("in output \"%1\"").arg(out.key))) {
                if (f.key == u"value")
                    action.outputs.append(
                        {out.key,
                         text(f, msg("\"value\" of output \"%1\"").arg(out.key), &stepField)});
            }
        }
    }

    void readRuns(const MapEntry &e, LocalAction &action)
    {
        if (!e.value.IsMap()) {
            m_d.add(e.valueMark(),
                    msg("\"runs\" must be a map with \"using\"; found %1").arg(describe(e.value)));
            return;
        }
        const YAML::Node using_ = e.value["using"];
        if (!using_ || !using_.IsScalar()) {
            m_d.add(e.keyNode.Mark(), msg("\"runs\" needs \"using\", e.g. \"using: composite\""));
            return;
        }
        action.runsUsing = scalarText(using_);
        if (action.runsUsing != u"composite")
            return; // node and docker actions: not read further, they do not run here
        const YAML::Node steps = e.value["steps"];
        WorkflowJob job;
        job.id = msg("the action");
        if (!steps) {
            m_d.add(e.keyNode.Mark(), msg("a composite action needs \"runs.steps\""));
            return;
        }
        for (const MapEntry &f : mapEntries(e.value, m_d, msg("in \"runs\""))) {
            if (f.key == u"steps")
                readSteps(f, job);
        }
        for (const WorkflowStep &step : std::as_const(job.steps)) {
            if (step.run.isSet() && !step.shell.isSet()) {
                m_d.add(step.where, msg("step %1 of a composite action runs a script and must "
                                        "name its \"shell\", e.g. \"shell: bash\"")
                                        .arg(step.index + 1));
            }
        }
        action.steps = job.steps;
    }

    // ---- needs

    void checkNeeds()
    {
        QStringList ids;
        for (const WorkflowJob &job : std::as_const(m_workflow.jobs))
            ids.append(job.id);
        for (const WorkflowJob &job : std::as_const(m_workflow.jobs)) {
            for (const auto &[need, where] : job.needs) {
                if (need == job.id) {
                    m_d.add(where, msg("job \"%1\" needs itself").arg(job.id));
                } else if (!ids.contains(need)) {
                    m_d.add(where, msg("job \"%1\" needs \"%2\", which is not a job of this "
                                       "workflow%3")
                                       .arg(job.id, need, didYouMean(need, ids)));
                }
            }
        }
        // Cycles: depth-first, reporting each cycle once at the job where it closes.
        QHash<QString, int> state; // 0 new, 1 on the path, 2 done
        QStringList path;
        std::function<void(const WorkflowJob &)> visit = [&](const WorkflowJob &job) {
            state[job.id] = 1;
            path.append(job.id);
            for (const auto &[need, where] : job.needs) {
                const WorkflowJob *next = m_workflow.job(need);
                if (!next || need == job.id)
                    continue;
                if (state.value(need) == 1) {
                    const QStringList cycle = path.mid(path.indexOf(need)) + QStringList{need};
                    m_d.add(where, msg("the jobs' \"needs\" make a cycle: %1; remove one of "
                                       "these needs")
                                       .arg(cycle.join(QStringLiteral(" -> "))));
                } else if (state.value(need) == 0) {
                    visit(*next);
                }
            }
            path.removeLast();
            state[job.id] = 2;
        };
        for (const WorkflowJob &job : std::as_const(m_workflow.jobs)) {
            if (state.value(job.id) == 0)
                visit(job);
        }
    }

    DiagnosticList &m_d;
    Workflow &m_workflow;
    QList<QByteArray> m_lines;
};

} // namespace

QStringList WorkflowLoader::workflowFiles(const QString &workspaceDir)
{
    const QDir dir(QDir(workspaceDir).filePath(QStringLiteral(".github/workflows")));
    QStringList files;
    const QFileInfoList entries =
        dir.entryInfoList({QStringLiteral("*.yml"), QStringLiteral("*.yaml")},
                          QDir::Files | QDir::System | QDir::Hidden, QDir::Name);
    for (const QFileInfo &info : entries)
        files.append(info.absoluteFilePath());
    return files;
}

LocalActionLoadResult WorkflowLoader::loadLocalAction(const QString &actionDir,
                                                      const QString &workspaceDir)
{
    LocalActionLoadResult result;
    LocalAction &action = result.action;
    const QDir dir(actionDir);
    action.dir = dir.absolutePath();
    action.file = dir.absoluteFilePath(QStringLiteral("action.yml"));
    if (!QFileInfo::exists(action.file) &&
        QFileInfo::exists(dir.absoluteFilePath(QStringLiteral("action.yaml"))))
        action.file = dir.absoluteFilePath(QStringLiteral("action.yaml"));
    const QString display =
        workspaceDir.isEmpty() ? action.file : QDir(workspaceDir).relativeFilePath(action.file);
    auto data = readRegularFile(action.file, maxFileSize);
    if (!data) {
        result.diagnostics.append(
            {SourceLocation{display, 1, 1},
             msg("the local action \"%1\" has no action.yml: %2")
                 .arg(workspaceDir.isEmpty() ? action.dir
                                             : QDir(workspaceDir).relativeFilePath(action.dir),
                      data.error().reason)});
        return result;
    }
    DiagnosticList d(display);
    const std::optional<ParsedDocument> parsed = parseDocument(*data, d);
    if (parsed) {
        Workflow unused;
        readDocument(*parsed, d, [&] {
            WorkflowReader(d, unused, *data).readLocalAction(parsed->root, action);
        });
    }
    result.diagnostics = d.takeSorted();
    return result;
}

WorkflowLoadResult WorkflowLoader::loadFile(const QString &path, const QString &workspaceDir)
{
    const QFileInfo info(path);
    const QString display = workspaceDir.isEmpty()
                                ? path
                                : QDir(workspaceDir).relativeFilePath(info.absoluteFilePath());
    auto failure = [&](const QString &message) {
        WorkflowLoadResult result;
        result.workflow.filePath = info.absoluteFilePath();
        result.workflow.displayPath = display;
        result.diagnostics.append({SourceLocation{display, 1, 1}, message});
        return result;
    };
    auto data = readRegularFile(path, maxFileSize);
    if (!data) {
        const FileProblem &problem = data.error();
        switch (problem.kind) {
        case FileProblem::Kind::TooLarge:
            return failure(msg("the file is too large (%1 bytes); a workflow file may be at most "
                               "%2 bytes")
                               .arg(problem.size)
                               .arg(maxFileSize));
        case FileProblem::Kind::Directory:
        case FileProblem::Kind::NotRegular:
            return failure(msg("cannot read \"%1\": %2; a workflow must be a regular file (or a "
                               "symlink to one)")
                               .arg(display, problem.reason));
        case FileProblem::Kind::Missing:
        case FileProblem::Kind::Unreadable:
            break;
        }
        return failure(msg("cannot read \"%1\": %2; check that the file exists and is readable")
                           .arg(display, problem.reason));
    }
    WorkflowLoadResult result = loadString(*data, display, workspaceDir);
    result.workflow.filePath = info.absoluteFilePath();
    return result;
}

WorkflowLoadResult WorkflowLoader::loadString(const QByteArray &yaml, const QString &displayPath,
                                              const QString &workspaceDir)
{
    WorkflowLoadResult result;
    Workflow &workflow = result.workflow;
    workflow.displayPath = displayPath;
    workflow.workspaceDir = workspaceDir;
    workflow.filePath =
        workspaceDir.isEmpty() ? displayPath : QDir(workspaceDir).absoluteFilePath(displayPath);
    DiagnosticList d(displayPath);
    if (yaml.size() > maxFileSize) {
        d.add(d.location(1, 1), msg("the file is too large (%1 bytes); a workflow file may be at "
                                    "most %2 bytes")
                                    .arg(yaml.size())
                                    .arg(maxFileSize));
        result.diagnostics = d.takeSorted();
        return result;
    }
    const std::optional<ParsedDocument> parsed = parseDocument(yaml, d);
    if (!parsed) {
        result.diagnostics = d.takeSorted();
        return result;
    }
    readDocument(*parsed, d, [&] { WorkflowReader(d, workflow, yaml).read(parsed->root); });
    result.diagnostics = d.takeSorted();
    return result;
}

} // namespace DeployDesk
