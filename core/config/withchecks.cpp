#include "config/withchecks.h"

#include "common/duration.h"
#include "config/messages.h"
#include "config/suggest.h"

#include <QSet>

namespace DeployDesk::Internal {

namespace {

using Kind = ParamSpec::Kind;

QStringList parameterNames(const ParamSchema &schema)
{
    QStringList names;
    for (const ParamSpec &spec : schema)
        names.append(spec.name);
    return names;
}

const ParamSpec *findSpec(const ParamSchema &schema, const QString &name)
{
    for (const ParamSpec &spec : schema) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

QString expected(const ParamSpec &spec)
{
    switch (spec.kind) {
    case Kind::String:
        break;
    case Kind::Int:
        return msg("a whole number from %1 to %2").arg(spec.min).arg(spec.max);
    case Kind::Bool:
        return msg("true or false");
    case Kind::Duration:
        return msg("a duration such as 90s, 10m or 1h");
    case Kind::StringList:
        return msg("a list of strings or a single string");
    case Kind::Choice:
        return msg("one of %1").arg(joinNames(spec.choices));
    }
    return msg("a string");
}

// Expanded from the stage's environment when it starts: checked then.
bool isExpandedLater(const YAML::Node &value)
{
    return value.IsScalar() && value.Scalar().find('$') != std::string::npos;
}

class ParamChecker final
{
public:
    ParamChecker(DiagnosticList &diagnostics, Stage &stage)
        : m_d(diagnostics)
        , m_stage(stage)
    {}

    void checkValue(const MapEntry &param, const ParamSpec &spec)
    {
        if (isExpandedLater(param.value))
            return;
        const QString what = msg("\"%1\" in \"with\" of stage \"%2\"").arg(param.key, m_stage.name);
        const YAML::Node &value = param.value;
        if (spec.kind == Kind::StringList) {
            checkList(param, what);
            return;
        }
        if (!value.IsScalar()) {
            wrongKind(param, what, spec);
            return;
        }
        const QString text = scalarText(value);
        switch (spec.kind) {
        case Kind::String:
        case Kind::StringList:
            return;
        case Kind::Int: {
            bool ok = false;
            const qint64 number = text.toLongLong(&ok, 10);
            if (!ok || number < spec.min || number > spec.max)
                wrongKind(param, what, spec);
            return;
        }
        case Kind::Bool: {
            bool flag = false;
            if (YAML::convert<bool>::decode(value, flag))
                m_stage.with.insert(param.key,
                                    flag ? QStringLiteral("true") : QStringLiteral("false"));
            else
                wrongKind(param, what, spec);
            return;
        }
        case Kind::Duration:
            if (!parseDuration(text))
                wrongKind(param, what, spec);
            return;
        case Kind::Choice:
            if (!spec.choices.contains(text)) {
                m_d.add(param.valueMark(), msg("%1 must be %2; found %3%4")
                                               .arg(what, expected(spec), describe(value),
                                                    didYouMean(text, spec.choices)));
            }
            return;
        }
    }

private:
    void wrongKind(const MapEntry &param, const QString &what, const ParamSpec &spec)
    {
        m_d.add(param.valueMark(),
                msg("%1 must be %2; found %3").arg(what, expected(spec), describe(param.value)));
    }

    void checkList(const MapEntry &param, const QString &what)
    {
        if (param.value.IsScalar())
            return;
        if (!param.value.IsSequence()) {
            m_d.add(param.valueMark(), msg("%1 must be a list of strings or a single string; "
                                           "found %2")
                                           .arg(what, describe(param.value)));
            return;
        }
        for (const YAML::Node &item : param.value) {
            if (!item.IsScalar()) {
                m_d.add(item.Mark(),
                        msg("items of %1 must be strings; found %2").arg(what, describe(item)));
            }
        }
    }

    DiagnosticList &m_d;
    Stage &m_stage;
};

} // namespace

void checkWithParams(DiagnosticList &diagnostics, const WithSource &with, const ParamSchema &schema,
                     const YAML::Mark &usesKey, Stage &stage)
{
    if (schema.isEmpty() || !with.readable)
        return;
    const QStringList known = parameterNames(schema);
    ParamChecker checker(diagnostics, stage);
    QSet<QString> given;
    for (const MapEntry &param : with.params) {
        given.insert(param.key);
        if (const ParamSpec *spec = findSpec(schema, param.key)) {
            checker.checkValue(param, *spec);
            continue;
        }
        const QString match = closestMatch(param.key, known);
        const QString message =
            match.isEmpty()
                ? msg("unknown parameter \"%1\" in \"with\" of stage \"%2\"; known parameters "
                      "of %3: %4")
                      .arg(param.key, stage.name, stage.uses, joinNames(known))
                : msg("unknown parameter \"%1\" in \"with\" of stage \"%2\"; did you mean "
                      "\"%3\"? (known parameters of %4: %5)")
                      .arg(param.key, stage.name, match, stage.uses, joinNames(known));
        diagnostics.add(param.keyNode.Mark(), message);
    }
    for (const ParamSpec &spec : schema) {
        if (!spec.required || given.contains(spec.name))
            continue;
        const QString help =
            spec.help.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(spec.help);
        if (with.key) {
            diagnostics.add(*with.key, msg("\"with\" of stage \"%1\" is missing required "
                                           "parameter \"%2\" of %3%4")
                                           .arg(stage.name, spec.name, stage.uses, help));
        } else {
            diagnostics.add(usesKey, msg("stage \"%1\" uses %2, which needs parameter \"%3\"%4; "
                                         "add \"with:\" with \"%3\"")
                                         .arg(stage.name, stage.uses, spec.name, help));
        }
    }
}

} // namespace DeployDesk::Internal
