#pragma once

#include "common/error.h"
#include "config/pipeline.h"
#include "deploy/deploytarget.h"

#include <QVariantMap>

namespace DeployDesk {

// A pipeline's `reembed` stage for an environment, with its `with:` expanded as a run
// would expand it: what `deploydeskctl reembed --dry-run`, `index versions|switch|query`
// and the panel's Embeddings view read the index and the docs through.
struct ReembedStage
{
    QString environment; // the one asked, else the pipeline's first
    Stage stage;
    TargetRequest request; // the target's request, as the run's stage gets it
};

// Errors: the pipeline has no `uses: reembed` stage (with how to add one). `overrides`
// replace `with:` keys (RunRequest::withOverrides: {"mode": "full"}).
Result<ReembedStage> reembedStageOf(const Pipeline &pipeline, const QString &environment,
                                    const QString &dataDir, const QVariantMap &overrides = {});

} // namespace DeployDesk
