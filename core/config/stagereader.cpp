#include "config/stagereader.h"

#include "config/conditionparser.h"
#include "config/messages.h"
#include "config/suggest.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace DeployDesk::Internal {

namespace {

const QStringList stageKeys{
    QStringLiteral("run"),     QStringLiteral("uses"),      QStringLiteral("with"),
    QStringLiteral("needs"),   QStringLiteral("workdir"),   QStringLiteral("env"),
    QStringLiteral("timeout"), QStringLiteral("retries"),   QStringLiteral("continue-on-error"),
    QStringLiteral("if"),      QStringLiteral("artifacts"), QStringLiteral("inputs"),
    QStringLiteral("cache"),   QStringLiteral("secrets"),   QStringLiteral("optional-secrets"),
};

const QStringList retriesKeys{QStringLiteral("count"), QStringLiteral("backoff")};
const QStringList cacheKeys{QStringLiteral("key"), QStringLiteral("paths")};
const QStringList cacheKeyKeys{QStringLiteral("files"), QStringLiteral("prefix")};

constexpr int maxRetries = 10;
constexpr int withBudget = 10'000; // values in one `with:`, aliases counted each time

} // namespace

bool StageReader::isStageName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    return name != u"." && name != u".." && re.match(name).hasMatch();
}

bool StageReader::isSecretName(const QString &name)
{
    return isVariableName(name);
}

QString StageReader::what(const QString &key) const
{
    return msg("\"%1\" of stage \"%2\"").arg(key, m_stageName);
}

void StageReader::read(const MapEntry &entry, Stage &stage, StageSource &source)
{
    m_stageName = entry.key;
    m_with = {};
    stage.name = entry.key;
    stage.location = m_diagnostics.location(entry.keyNode.Mark());
    source.key = stage.location;

    if (entry.key == u"." || entry.key == u"..") {
        // A stage's name is a folder of its run's artifacts: "." and ".." would be the run's
        // own folder or its parent.
        m_diagnostics.add(entry.keyNode.Mark(),
                          msg("stage name \"%1\" is not allowed: \".\" and \"..\" name "
                              "folders, not stages; rename the stage (e.g. \"build\")")
                              .arg(entry.key));
    } else if (!isStageName(entry.key)) {
        m_diagnostics.add(entry.keyNode.Mark(),
                          msg("stage name \"%1\" may only contain letters, digits, \".\", \"_\" "
                              "and \"-\"; rename the stage")
                              .arg(entry.key));
    }
    if (!entry.value.IsMap()) {
        m_diagnostics.add(entry.valueMark(),
                          msg("stage \"%1\" must be a map with \"run\" or \"uses\"; found %2")
                              .arg(entry.key, describe(entry.value)));
        return;
    }

    const QString context = msg("in stage \"%1\"").arg(entry.key);
    std::optional<YAML::Mark> runKey;
    std::optional<YAML::Mark> usesKey;
    for (const MapEntry &field : mapEntries(entry.value, m_diagnostics, context)) {
        if (!stageKeys.contains(field.key)) {
            reportUnknownKey(m_diagnostics, field, stageKeys, context);
            continue;
        }
        if (field.key == u"run")
            runKey = field.keyNode.Mark();
        else if (field.key == u"uses")
            usesKey = field.keyNode.Mark();
        else if (field.key == u"with")
            m_with.key = field.keyNode.Mark();
        readField(field, stage, source);
    }

    if (!runKey && !usesKey) {
        m_diagnostics.add(entry.keyNode.Mark(),
                          msg("stage \"%1\" has neither \"run\" nor \"uses\"; add \"run:\" with a "
                              "shell command or \"uses:\" with a built-in stage type")
                              .arg(entry.key));
    } else if (runKey && usesKey) {
        const YAML::Mark second = runKey->pos > usesKey->pos ? *runKey : *usesKey;
        m_diagnostics.add(
            second,
            msg("stage \"%1\" has both \"run\" and \"uses\"; keep only one").arg(entry.key));
    }
    if (m_with.key && !usesKey) {
        m_diagnostics.add(*m_with.key, msg("\"with\" of stage \"%1\" is only allowed together with "
                                           "\"uses\"; remove it or add \"uses:\"")
                                           .arg(entry.key));
    }
    // After the whole stage: `with` may come before `uses`.
    if (usesKey && !stage.uses.isEmpty()) {
        const auto schema = m_options.stageTypeParams.constFind(stage.uses);
        if (schema != m_options.stageTypeParams.cend())
            checkWithParams(m_diagnostics, m_with, *schema, *usesKey, stage);
    }
}

void StageReader::readField(const MapEntry &field, Stage &stage, StageSource &source)
{
    const QString &key = field.key;
    if (key == u"run") {
        stage.run = readString(field, what(key), m_diagnostics).value_or(QString());
    } else if (key == u"uses") {
        readUses(field, stage);
    } else if (key == u"with") {
        readWith(field, stage);
    } else if (key == u"needs") {
        if (const auto items = readStringList(field, what(key), m_diagnostics)) {
            QSet<QString> seen;
            for (const ListItem &item : *items) {
                if (seen.contains(item.value))
                    continue;
                seen.insert(item.value);
                stage.needs.append(item.value);
                source.needs.append(item.where);
            }
        }
    } else if (key == u"workdir") {
        readWorkdir(field, stage);
    } else if (key == u"env") {
        stage.env = readVariables(field, what(key), m_diagnostics).value_or(stage.env);
    } else if (key == u"timeout") {
        stage.timeout = readDuration(field, what(key), m_diagnostics).value_or(stage.timeout);
    } else if (key == u"retries") {
        readRetries(field, stage);
    } else if (key == u"continue-on-error") {
        stage.continueOnError = readBool(field, what(key), m_diagnostics).value_or(false);
    } else if (key == u"if") {
        readCondition(field, stage, source);
    } else if (key == u"artifacts") {
        readArtifacts(field, stage);
    } else if (key == u"inputs") {
        stage.inputs = readGlobs(field, msg("input"));
    } else if (key == u"cache") {
        readCache(field, stage);
    } else if (key == u"secrets") {
        readSecrets(field, stage, source, false);
    } else if (key == u"optional-secrets") {
        readSecrets(field, stage, source, true);
    }
}

void StageReader::readUses(const MapEntry &field, Stage &stage)
{
    const auto uses = readString(field, what(field.key), m_diagnostics);
    if (!uses)
        return;
    stage.uses = *uses;
    const QStringList &known = m_options.knownStageTypes;
    if (known.isEmpty() || known.contains(*uses))
        return;
    const QString match = closestMatch(*uses, known);
    const QString message =
        match.isEmpty() ? msg("unknown stage type \"%1\" in stage \"%2\"; known types: %3")
                              .arg(*uses, m_stageName, joinNames(known))
                        : msg("unknown stage type \"%1\" in stage \"%2\"; did you mean \"%3\"? "
                              "(known types: %4)")
                              .arg(*uses, m_stageName, match, joinNames(known));
    m_diagnostics.add(field.value.Mark(), message);
}

void StageReader::readWith(const MapEntry &field, Stage &stage)
{
    if (field.value.IsNull())
        return;
    if (!field.value.IsMap()) {
        m_with.readable = false;
        m_diagnostics.add(field.valueMark(), msg("%1 must be a map of parameters; found %2")
                                                 .arg(what(field.key), describe(field.value)));
        return;
    }
    int budget = withBudget;
    const QString context = msg("in %1").arg(what(field.key));
    m_with.params = mapEntries(field.value, m_diagnostics, context);
    for (const MapEntry &param : std::as_const(m_with.params)) {
        const auto value = toVariant(param.value, budget);
        if (!value) {
            m_with.readable = false; // one problem with it is enough
            m_diagnostics.add(param.valueMark(),
                              msg("parameter \"%1\" %2 is too large or too deeply nested, or uses "
                                  "a list or map as a key; simplify it")
                                  .arg(param.key, context));
            return;
        }
        stage.with.insert(param.key, *value);
    }
}

void StageReader::readRetries(const MapEntry &field, Stage &stage)
{
    const QString expected =
        msg("a whole number from 0 to %1, or a map such as { count: 2, backoff: 5s }")
            .arg(maxRetries);
    if (!field.value.IsMap()) {
        stage.retries =
            readInt(field, what(field.key), 0, maxRetries, expected, m_diagnostics).value_or(0);
        return;
    }
    const QString context = msg("in %1").arg(what(field.key));
    bool sawCount = false;
    for (const MapEntry &part : mapEntries(field.value, m_diagnostics, context)) {
        const QString partWhat = msg("\"%1\" %2").arg(part.key, context);
        if (part.key == u"count") {
            sawCount = true;
            stage.retries =
                readInt(part, partWhat, 0, maxRetries,
                        msg("a whole number from 0 to %1").arg(maxRetries), m_diagnostics)
                    .value_or(0);
        } else if (part.key == u"backoff") {
            stage.retryBackoff =
                readDuration(part, partWhat, m_diagnostics).value_or(stage.retryBackoff);
        } else {
            reportUnknownKey(m_diagnostics, part, retriesKeys, context);
        }
    }
    if (!sawCount) {
        m_diagnostics.add(field.value.Mark(),
                          msg("%1 is missing \"count\"; write e.g. { count: 2, backoff: 5s }")
                              .arg(what(field.key)));
    }
}

void StageReader::readCondition(const MapEntry &field, Stage &stage, StageSource &source)
{
    const auto text = readString(field, what(field.key), m_diagnostics);
    if (!text)
        return;
    source.condition = m_diagnostics.location(field.value.Mark());
    if (auto condition = parseCondition(*text)) {
        stage.condition = std::move(*condition);
        return;
    }
    m_diagnostics.add(field.value.Mark(),
                      msg("%1 must be \"environment == NAME\", \"environment != NAME\" or "
                          "\"environment in [A, B]\"; found %2")
                          .arg(what(field.key), describe(field.value)));
}

void StageReader::readWorkdir(const MapEntry &field, Stage &stage)
{
    const auto workdir = readString(field, what(field.key), m_diagnostics);
    if (!workdir)
        return;
    const YAML::Mark at = field.value.Mark();
    if (QDir::isAbsolutePath(*workdir) || workdir->startsWith(u'~')) {
        m_diagnostics.add(at, msg("%1 must be a path relative to the workspace; found the "
                                  "absolute path \"%2\"")
                                  .arg(what(field.key), *workdir));
        return;
    }
    if (hasParentComponent(*workdir)) {
        m_diagnostics.add(at, msg("%1 must stay inside the workspace; found \"%2\", which "
                                  "contains \"..\"")
                                  .arg(what(field.key), *workdir));
        return;
    }
    const QString clean = QDir::cleanPath(*workdir);
    stage.workdir = clean == u"." ? QString() : clean;
    if (m_workspaceDir.isEmpty())
        return;

    const QFileInfo info(QDir(m_workspaceDir).filePath(clean));
    if (!info.exists()) {
        m_diagnostics.add(
            at, msg("workdir \"%1\" of stage \"%2\" does not exist in %3; create "
                    "the directory or fix the path")
                    .arg(*workdir, m_stageName, QDir::toNativeSeparators(m_workspaceDir)));
        return;
    }
    if (!info.isDir()) {
        m_diagnostics.add(at, msg("workdir \"%1\" of stage \"%2\" is a file; expected a "
                                  "directory")
                                  .arg(*workdir, m_stageName));
        return;
    }
    // A symbolic link may still lead out of the workspace.
    const QString root = QFileInfo(m_workspaceDir).canonicalFilePath();
    const QString target = info.canonicalFilePath();
    if (!root.isEmpty() && target != root && !target.startsWith(root + u'/')) {
        m_diagnostics.add(at, msg("workdir \"%1\" of stage \"%2\" leads outside the workspace "
                                  "(to %3); use a directory inside it")
                                  .arg(*workdir, m_stageName, target));
    }
}

void StageReader::readArtifacts(const MapEntry &field, Stage &stage)
{
    const auto items = readStringList(field, what(field.key), m_diagnostics);
    if (!items)
        return;
    QSet<QString> seen;
    for (const ListItem &item : *items) {
        if (QDir::isAbsolutePath(item.value) || item.value.startsWith(u'~')) {
            m_diagnostics.add(item.where, msg("artifact path \"%1\" of stage \"%2\" must be "
                                              "relative to the stage's workdir; found an "
                                              "absolute path")
                                              .arg(item.value, m_stageName));
        } else if (hasParentComponent(item.value)) {
            m_diagnostics.add(item.where, msg("artifact path \"%1\" of stage \"%2\" must stay "
                                              "inside the workspace; remove the \"..\"")
                                              .arg(item.value, m_stageName));
        } else if (!seen.contains(item.value)) {
            seen.insert(item.value);
            stage.artifacts.append(item.value);
        }
    }
}

QStringList StageReader::readGlobs(const MapEntry &field, const QString &noun)
{
    QStringList globs;
    const auto items = readStringList(field, what(field.key), m_diagnostics);
    if (!items)
        return globs;
    for (const ListItem &item : *items) {
        if (QDir::isAbsolutePath(item.value) || item.value.startsWith(u'~')) {
            m_diagnostics.add(item.where, msg("%1 \"%2\" of stage \"%3\" must be relative "
                                              "to the stage's workdir; found an absolute path")
                                              .arg(noun, item.value, m_stageName));
        } else if (hasParentComponent(item.value)) {
            m_diagnostics.add(item.where, msg("%1 \"%2\" of stage \"%3\" must stay inside "
                                              "the workspace; remove the \"..\"")
                                              .arg(noun, item.value, m_stageName));
        } else if (item.value.contains(u'\\') || item.value.contains(u'{')) {
            m_diagnostics.add(item.where,
                              msg("%1 \"%2\" of stage \"%3\": backslashes and braces are not "
                                  "part of the glob syntax; use \"*\", \"?\", \"[abc]\" and "
                                  "\"**\" (any folders), one pattern per item")
                                  .arg(noun, item.value, m_stageName));
        } else if (!globs.contains(item.value)) {
            globs.append(item.value);
        }
    }
    return globs;
}

void StageReader::readCache(const MapEntry &field, Stage &stage)
{
    const QString example = msg("write e.g. { key: { files: [package-lock.json], prefix: npm }, "
                                "paths: [node_modules] }");
    if (!field.value.IsMap()) {
        m_diagnostics.add(field.valueMark(),
                          msg("%1 must be a map with \"key\" and \"paths\"; "
                              "found %2; %3")
                              .arg(what(field.key), describe(field.value), example));
        return;
    }
    const QString context = msg("in %1").arg(what(field.key));
    StageCache cache;
    bool sawKey = false;
    bool sawPaths = false;
    for (const MapEntry &part : mapEntries(field.value, m_diagnostics, context)) {
        const QString partWhat = msg("\"%1\" %2").arg(part.key, context);
        if (part.key == u"key") {
            sawKey = true;
            if (!part.value.IsMap()) {
                const auto text = readString(part, partWhat, m_diagnostics);
                if (text && text->trimmed().isEmpty())
                    m_diagnostics.add(part.valueMark(),
                                      msg("%1 is empty; give a text such as \"npm-v1\" or "
                                          "{ files: [package-lock.json] }")
                                          .arg(partWhat));
                else if (text)
                    cache.key = *text;
                continue;
            }
            const QString keyContext = msg("in %1").arg(partWhat);
            bool sawFiles = false;
            for (const MapEntry &k : mapEntries(part.value, m_diagnostics, keyContext)) {
                const QString kWhat = msg("\"%1\" %2").arg(k.key, keyContext);
                if (k.key == u"files") {
                    sawFiles = true;
                    cache.keyFiles = readGlobs(k, msg("cache key file"));
                    if (cache.keyFiles.isEmpty() && k.value.IsSequence() && k.value.size() == 0)
                        m_diagnostics.add(k.valueMark(),
                                          msg("%1 is an empty list; name the files the cached "
                                              "folders are made from (e.g. package-lock.json)")
                                              .arg(kWhat));
                } else if (k.key == u"prefix") {
                    cache.prefix = readString(k, kWhat, m_diagnostics).value_or(QString());
                } else {
                    reportUnknownKey(m_diagnostics, k, cacheKeyKeys, keyContext);
                }
            }
            if (!sawFiles)
                m_diagnostics.add(part.value.Mark(),
                                  msg("%1 is missing \"files\"; %2").arg(partWhat, example));
        } else if (part.key == u"paths") {
            sawPaths = true;
            const auto items = readStringList(part, partWhat, m_diagnostics);
            if (!items)
                continue;
            for (const ListItem &item : *items) {
                QString path = item.value;
                while (path.endsWith(u'/') && path.size() > 1)
                    path.chop(1);
                if (QDir::isAbsolutePath(path) || path.startsWith(u'~')) {
                    m_diagnostics.add(item.where, msg("cache path \"%1\" of stage \"%2\" must "
                                                      "be relative to the stage's workdir; found "
                                                      "an absolute path")
                                                      .arg(item.value, m_stageName));
                } else if (hasParentComponent(path)) {
                    m_diagnostics.add(item.where, msg("cache path \"%1\" of stage \"%2\" must "
                                                      "stay inside the workspace; remove the "
                                                      "\"..\"")
                                                      .arg(item.value, m_stageName));
                } else if (path.isEmpty() || path == u"." || path == u"./") {
                    m_diagnostics.add(item.where, msg("cache path \"%1\" of stage \"%2\" "
                                                      "names the whole workdir; name the "
                                                      "folders to keep (e.g. node_modules)")
                                                      .arg(item.value, m_stageName));
                } else if (!cache.paths.contains(path)) {
                    cache.paths.append(path);
                }
            }
            if (items->isEmpty())
                m_diagnostics.add(part.valueMark(),
                                  msg("%1 is an empty list; name the folders to keep (e.g. "
                                      "node_modules)")
                                      .arg(partWhat));
        } else {
            reportUnknownKey(m_diagnostics, part, cacheKeys, context);
        }
    }
    if (!sawKey)
        m_diagnostics.add(field.value.Mark(),
                          msg("%1 is missing \"key\"; %2").arg(what(field.key), example));
    if (!sawPaths)
        m_diagnostics.add(field.value.Mark(),
                          msg("%1 is missing \"paths\"; %2").arg(what(field.key), example));
    stage.cache = cache;
}

void StageReader::readSecrets(const MapEntry &field, Stage &stage, StageSource &source,
                              bool optional)
{
    const auto items = readStringList(field, what(field.key), m_diagnostics);
    if (!items)
        return;
    for (const ListItem &item : *items) {
        if (!isSecretName(item.value)) {
            m_diagnostics.add(item.where, msg("secret name \"%1\" of stage \"%2\" must start "
                                              "with a letter or \"_\" and contain only letters, "
                                              "digits and \"_\"")
                                              .arg(item.value, m_stageName));
        } else if (stage.secrets.contains(item.value)) {
            if (optional != stage.optionalSecrets.contains(item.value))
                m_diagnostics.add(item.where,
                                  msg("stage \"%1\" lists secret \"%2\" under both \"secrets\" "
                                      "and \"optional-secrets\"; keep it in one of them")
                                      .arg(m_stageName, item.value));
        } else {
            // An optional secret is passed when set, and not an error when it is not.
            stage.secrets.append(item.value);
            source.secrets.append(item.where);
            if (optional)
                stage.optionalSecrets.append(item.value);
        }
    }
}

} // namespace DeployDesk::Internal
