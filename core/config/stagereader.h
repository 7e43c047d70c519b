#pragma once

#include "config/pipeline.h"
#include "config/pipelineloader.h"
#include "config/stagesource.h"
#include "config/withchecks.h"
#include "config/yamlsupport.h"

namespace DeployDesk::Internal {

// Reads one `name: { ... }` entry of `stages`, reporting every problem in it.
// `workspaceDir` empty: workdirs are not checked against the disk.
class StageReader final
{
public:
    StageReader(DiagnosticList &diagnostics, QString workspaceDir, const LoadOptions &options)
        : m_diagnostics(diagnostics)
        , m_workspaceDir(std::move(workspaceDir))
        , m_options(options)
    {}

    void read(const MapEntry &entry, Stage &stage, StageSource &source);

    static bool isStageName(const QString &name);
    static bool isSecretName(const QString &name);

private:
    void readField(const MapEntry &field, Stage &stage, StageSource &source);
    void readRetries(const MapEntry &field, Stage &stage);
    void readCondition(const MapEntry &field, Stage &stage, StageSource &source);
    void readWorkdir(const MapEntry &field, Stage &stage);
    void readArtifacts(const MapEntry &field, Stage &stage);
    // A list of globs relative to the workdir (`inputs:`, a cache key's `files:`); `noun`
    // names one item in messages ("input").
    QStringList readGlobs(const MapEntry &field, const QString &noun);
    void readCache(const MapEntry &field, Stage &stage);
    void readSecrets(const MapEntry &field, Stage &stage, StageSource &source, bool optional);
    void readWith(const MapEntry &field, Stage &stage);
    void readUses(const MapEntry &field, Stage &stage);
    QString what(const QString &key) const; // `"key" of stage "name"`

    DiagnosticList &m_diagnostics;
    QString m_workspaceDir;
    const LoadOptions &m_options;
    QString m_stageName;
    WithSource m_with; // of the stage being read
};

} // namespace DeployDesk::Internal
