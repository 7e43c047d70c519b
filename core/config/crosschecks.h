#pragma once

#include "config/pipeline.h"
#include "config/pipelineloader.h"
#include "config/stagesource.h"

#include <QList>

namespace DeployDesk::Internal {

// Checks that look across stages once the whole file is read. `sources` runs parallel
// to `pipeline.stages`. Each appends its diagnostics to `out`.
void checkNeeds(const Pipeline &pipeline, const QList<StageSource> &sources,
                QList<Diagnostic> &out);
// Reports each elementary dependency cycle once, at the first stage of the cycle in file
// order: `dependency cycle: a -> b -> c -> a`. Bounded work on hostile graphs.
void checkCycles(const Pipeline &pipeline, QList<Diagnostic> &out);
void checkConditions(const Pipeline &pipeline, const QList<StageSource> &sources,
                     QList<Diagnostic> &out);
// `environmentsKey`: where `environments:` was written, or 1:1 when absent.
void checkSelectedEnvironment(const Pipeline &pipeline, const LoadOptions &options,
                              const SourceLocation &environmentsKey, QList<Diagnostic> &out);
void checkSecrets(const Pipeline &pipeline, const QList<StageSource> &sources,
                  const LoadOptions &options, QList<Diagnostic> &out);

} // namespace DeployDesk::Internal
