#include "config/pipelineloader.h"

#include "common/logging.h"
#include "common/regularfile.h"
#include "config/crosschecks.h"
#include "config/envfilereader.h"
#include "config/messages.h"
#include "config/stagereader.h"
#include "config/yamlsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QUrl>

namespace DeployDesk {

using namespace Internal;

namespace {

constexpr qint64 maxFileSize = 4 * 1024 * 1024;

const QStringList topLevelKeys{QStringLiteral("name"),   QStringLiteral("max-parallel"),
                               QStringLiteral("env"),    QStringLiteral("environments"),
                               QStringLiteral("stages"), QStringLiteral("github")};
const QStringList githubKeys{QStringLiteral("repository"), QStringLiteral("api-url")};
const QStringList environmentKeys{QStringLiteral("protected"), QStringLiteral("url"),
                                  QStringLiteral("variables"), QStringLiteral("env-file")};

QString duplicateStage(const QString &key, int firstLine, const QString &)
{
    return msg("stage \"%1\" is defined twice (first at line %2)").arg(key).arg(firstLine);
}

QString duplicateEnvironment(const QString &key, int firstLine, const QString &)
{
    return msg("environment \"%1\" is defined twice (first at line %2)").arg(key).arg(firstLine);
}

bool isEnvironmentName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9_-]+$"));
    return re.match(name).hasMatch();
}

QString tooLarge(qint64 size)
{
    return msg("the file is too large (%1 bytes); a pipeline file may be at most %2 bytes")
        .arg(size)
        .arg(maxFileSize);
}

// Reads a parsed document into the pipeline; every problem goes to `d`.
class DocumentReader final
{
public:
    DocumentReader(DiagnosticList &d, Pipeline &pipeline, const LoadOptions &options)
        : m_d(d)
        , m_pipeline(pipeline)
        , m_options(options)
        , m_envFiles(d, pipeline.workspaceDir)
    {}

    void read(const YAML::Node &root)
    {
        if (root.IsNull()) {
            m_d.add(m_d.location(1, 1),
                    msg("the file is empty; expected a map with \"name\" and \"stages\""));
            return;
        }
        if (!root.IsMap()) {
            m_d.add(root.Mark(), msg("the file must be a map with \"name\" and \"stages\" at "
                                     "the top level; found %1")
                                     .arg(describe(root)));
            return;
        }
        const QString context = msg("at the top level");
        bool sawName = false;
        bool sawStages = false;
        SourceLocation environmentsKey = m_d.location(1, 1);
        for (const MapEntry &e : mapEntries(root, m_d, context)) {
            const QString what = msg("\"%1\"").arg(e.key);
            if (e.key == u"name") {
                sawName = true;
                m_pipeline.name = readString(e, what, m_d).value_or(QString());
            } else if (e.key == u"max-parallel") {
                m_pipeline.maxParallel =
                    readInt(e, what, 0, 1024,
                            msg("a whole number from 1 to 1024 (or 0 for the number of CPUs)"), m_d)
                        .value_or(0);
            } else if (e.key == u"env") {
                m_pipeline.env = readVariables(e, what, m_d).value_or(m_pipeline.env);
            } else if (e.key == u"environments") {
                environmentsKey = m_d.location(e.keyNode.Mark());
                readEnvironments(e);
            } else if (e.key == u"stages") {
                sawStages = true;
                readStages(e);
            } else if (e.key == u"github") {
                const qsizetype before = m_d.size();
                readGitHub(e);
                m_pipeline.github.isSet = true;
                m_pipeline.github.problems = m_d.size() > before;
            } else {
                reportUnknownKey(m_d, e, topLevelKeys, context);
            }
        }
        if (!sawName) {
            m_d.add(root.Mark(), msg("missing required key \"name\"; add e.g. \"name: "
                                     "my-pipeline\" at the top level"));
        }
        if (!sawStages) {
            m_d.add(root.Mark(), msg("missing required key \"stages\"; add \"stages:\" with at "
                                     "least one stage"));
        }

        QList<Diagnostic> cross;
        checkNeeds(m_pipeline, m_sources, cross);
        checkCycles(m_pipeline, cross);
        checkConditions(m_pipeline, m_sources, cross);
        checkSelectedEnvironment(m_pipeline, m_options, environmentsKey, cross);
        checkSecrets(m_pipeline, m_sources, m_options, cross);
        for (const Diagnostic &diagnostic : std::as_const(cross))
            m_d.add(diagnostic.where, diagnostic.message);
        checkEnvFiles();
    }

private:
    void readGitHub(const MapEntry &e)
    {
        if (!e.value.IsMap()) {
            m_d.add(e.valueMark(),
                    msg("\"github\" must be a map with \"repository\" (owner/name) and, for "
                        "GitHub Enterprise Server, \"api-url\"; found %1")
                        .arg(describe(e.value)));
            return;
        }
        const QString context = msg("in \"github\"");
        for (const MapEntry &g : mapEntries(e.value, m_d, context)) {
            const QString what = msg("\"github.%1\"").arg(g.key);
            if (g.key == u"repository") {
                static const QRegularExpression named(
                    QStringLiteral("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"));
                const QString value = readString(g, what, m_d).value_or(QString());
                if (value.isEmpty())
                    continue;
                if (!named.match(value).hasMatch()) {
                    m_d.add(g.valueMark(), msg("%1 must be owner/name, e.g. octo-org/docs; found "
                                               "\"%2\"")
                                               .arg(what, value));
                    continue;
                }
                m_pipeline.github.repository = value;
            } else if (g.key == u"api-url") {
                const QString value = readString(g, what, m_d).value_or(QString());
                if (value.isEmpty())
                    continue;
                const QUrl url(value, QUrl::StrictMode);
                if (!url.isValid() || url.host().isEmpty() ||
                    (url.scheme() != u"https" && url.scheme() != u"http") || url.hasQuery() ||
                    url.hasFragment()) {
                    m_d.add(g.valueMark(),
                            msg("%1 must be the http(s) URL of a GitHub API, e.g. "
                                "https://github.example.com/api/v3 for GitHub Enterprise "
                                "Server; found \"%2\"")
                                .arg(what, value));
                    continue;
                }
                m_pipeline.github.apiUrl = value;
            } else {
                reportUnknownKey(m_d, g, githubKeys, context);
            }
        }
    }

    void readEnvironments(const MapEntry &e)
    {
        if (e.value.IsNull())
            return;
        if (!e.value.IsMap()) {
            m_d.add(e.valueMark(), msg("\"environments\" must be a map of environment name: "
                                       "settings; found %1")
                                       .arg(describe(e.value)));
            return;
        }
        for (const MapEntry &env :
             mapEntries(e.value, m_d, msg("in \"environments\""), duplicateEnvironment)) {
            Environment environment;
            environment.name = env.key;
            environment.location = m_d.location(env.keyNode.Mark());
            if (!isEnvironmentName(env.key)) {
                m_d.add(env.keyNode.Mark(),
                        msg("environment name \"%1\" may only contain lowercase letters, "
                            "digits, \"_\" and \"-\"; rename it")
                            .arg(env.key));
            }
            if (env.value.IsMap()) {
                readEnvironment(env, environment);
            } else if (!env.value.IsNull()) {
                m_d.add(env.valueMark(), msg("environment \"%1\" must be a map (use {} for no "
                                             "settings); found %2")
                                             .arg(env.key, describe(env.value)));
            }
            m_pipeline.environments.append(std::move(environment));
        }
    }

    void readEnvironment(const MapEntry &env, Environment &environment)
    {
        const QString context = msg("in environment \"%1\"").arg(env.key);
        QList<EnvFileVariable> fromFiles;
        for (const MapEntry &field : mapEntries(env.value, m_d, context)) {
            const QString what = msg("\"%1\" of environment \"%2\"").arg(field.key, env.key);
            if (field.key == u"protected")
                environment.isProtected = readBool(field, what, m_d).value_or(false);
            else if (field.key == u"url")
                environment.url = readString(field, what, m_d).value_or(QString());
            else if (field.key == u"variables")
                environment.variables =
                    readVariables(field, what, m_d).value_or(QMap<QString, QString>{});
            else if (field.key == u"env-file")
                fromFiles = m_envFiles.read(field, env.key);
            else
                reportUnknownKey(m_d, field, environmentKeys, context);
        }
        // Later files win over earlier ones; the environment's own `variables` win over all.
        QMap<QString, QString> merged;
        for (const EnvFileVariable &variable : std::as_const(fromFiles))
            merged.insert(variable.name, variable.value);
        for (auto it = environment.variables.cbegin(); it != environment.variables.cend(); ++it)
            merged.insert(it.key(), it.value());
        environment.variables = std::move(merged);
        m_envFileVariables.append(fromFiles);
    }

    // A secret belongs in the secret store, where it is masked; an env-file is plain text
    // that ends up in every stage's environment. Reported where the file names it (never
    // with its value) and left out of the environment.
    void checkEnvFiles()
    {
        QHash<QString, QString> secretUsers; // secret -> the first stage that lists it
        for (const Stage &stage : std::as_const(m_pipeline.stages)) {
            for (const QString &secret : stage.secrets) {
                if (!secretUsers.contains(secret))
                    secretUsers.insert(secret, stage.name);
            }
        }
        m_envFiles.finish(secretUsers);
        for (const EnvFileVariable &variable : std::as_const(m_envFileVariables)) {
            if (!secretUsers.contains(variable.name))
                continue;
            for (Environment &environment : m_pipeline.environments) {
                if (environment.name == variable.environment &&
                    environment.variables.value(variable.name) == variable.value)
                    environment.variables.remove(variable.name);
            }
        }
    }

    void readStages(const MapEntry &e)
    {
        if (e.value.IsNull() || (e.value.IsMap() && e.value.size() == 0)) {
            m_d.add(e.keyNode.Mark(),
                    msg("\"stages\" must define at least one stage; found %1")
                        .arg(e.value.IsNull() ? msg("nothing") : msg("an empty map")));
            return;
        }
        if (!e.value.IsMap()) {
            m_d.add(e.valueMark(), msg("\"stages\" must be a map of stage name: settings; "
                                       "found %1")
                                       .arg(describe(e.value)));
            return;
        }
        StageReader reader(m_d, m_pipeline.workspaceDir, m_options);
        for (const MapEntry &entry :
             mapEntries(e.value, m_d, msg("in \"stages\""), duplicateStage)) {
            Stage stage;
            StageSource source;
            reader.read(entry, stage, source);
            m_pipeline.stages.append(std::move(stage));
            m_sources.append(std::move(source));
        }
    }

    DiagnosticList &m_d;
    Pipeline &m_pipeline;
    const LoadOptions &m_options;
    QList<StageSource> m_sources;
    EnvFileReader m_envFiles;
    QList<EnvFileVariable> m_envFileVariables; // every one read, for checkEnvFiles
};

} // namespace

LoadResult PipelineLoader::loadFile(const QString &path, const LoadOptions &options)
{
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    auto failure = [&](const QString &message) {
        LoadResult result;
        result.pipeline.filePath = absolute;
        result.pipeline.workspaceDir = info.absolutePath();
        result.diagnostics.append({SourceLocation{path, 1, 1}, message});
        return result;
    };
    auto data = readRegularFile(path, maxFileSize);
    if (!data) {
        const FileProblem &problem = data.error();
        switch (problem.kind) {
        case FileProblem::Kind::Directory:
            return failure(msg("cannot read \"%1\": it is a directory; name the deploydesk.yml "
                               "file inside it")
                               .arg(path));
        case FileProblem::Kind::NotRegular:
            return failure(msg("cannot read \"%1\": %2; a pipeline file must be a regular file "
                               "(or a symlink to one); replace it with the file itself")
                               .arg(path, problem.reason));
        case FileProblem::Kind::TooLarge:
            return failure(tooLarge(problem.size));
        case FileProblem::Kind::Missing:
        case FileProblem::Kind::Unreadable:
            break;
        }
        return failure(msg("cannot read \"%1\": %2; check that the file exists and is readable")
                           .arg(path, problem.reason));
    }
    qCDebug(lcConfig) << "loading" << absolute;
    LoadResult result = loadString(*data, path, info.absolutePath(), options);
    result.pipeline.filePath = absolute;
    return result;
}

LoadResult PipelineLoader::loadString(const QByteArray &yaml, const QString &displayPath,
                                      const QString &workspaceDir, const LoadOptions &options)
{
    LoadResult result;
    Pipeline &pipeline = result.pipeline;
    if (!workspaceDir.isEmpty()) {
        pipeline.workspaceDir = QDir(workspaceDir).absolutePath();
        pipeline.filePath = QDir(pipeline.workspaceDir).absoluteFilePath(displayPath);
    } else {
        pipeline.filePath = displayPath;
    }

    DiagnosticList d(displayPath);
    if (yaml.size() > maxFileSize) {
        d.add(d.location(1, 1), tooLarge(yaml.size()));
        result.diagnostics = d.takeSorted();
        return result;
    }

    const std::optional<ParsedDocument> parsed = parseDocument(yaml, d);
    if (!parsed) {
        result.diagnostics = d.takeSorted();
        return result;
    }
    const YAML::Node &document = parsed->root;

    readDocument(*parsed, d, [&] { DocumentReader(d, pipeline, options).read(document); });
    result.diagnostics = d.takeSorted();
    return result;
}

} // namespace DeployDesk
