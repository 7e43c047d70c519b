#pragma once

#include "data/reembed/reembedjob.h"
#include "deploy/deploytarget.h"

#include <QCoreApplication>

namespace DeployDesk::Data {

// What a `reembed` stage's `with:` sets up: the re-embed options, the embedder and the index.
struct ReembedSetup
{
    ReembedOptions options;
    std::shared_ptr<const Embedder> embedder;
    std::shared_ptr<const VectorIndex> index;
    QString indexFolder; // local index: its folder
    QString qdrantUrl;   // qdrant index: its URL
    QStringList notes;   // for the log (API overrides in force)
};

class ReembedStageOptions final
{
    Q_DECLARE_TR_FUNCTIONS(ReembedStageOptions)

public:
    static ParamSchema params();
    // Reads and checks a stage's options; paths are made absolute against the workdir.
    // DEPLOYDESK_REEMBED_MODE in the stage's environment ("full", "incremental") overrides
    // `mode` (the CLI's `reembed --full`).
    static Result<ReembedSetup> read(const TargetRequest &request);
    // The index a recorded deployment names (for rollback when the pipeline lost the stage).
    static Result<ReembedSetup> readFor(const TargetRequest &request, const Deployment &recorded);
};

// `uses: reembed` — the vector-index layer of a release: re-embeds the docs into a versioned
// index (ReembedJob) and reports the live version; rollback switches the alias back to a
// recorded version ("index switch"), list/status read the index's versions.
class ReembedTarget final : public DeployTarget
{
public:
    static constexpr char kName[] = "reembed";

    QString name() const override { return QString::fromLatin1(kName); }
    Layer layer() const override { return Layer::VectorIndex; }
    ParamSchema params() const override { return ReembedStageOptions::params(); }
    QString rollbackMechanism() const override;

    TargetJob *deploy(const TargetRequest &request, QObject *parent) override;
    TargetJob *rollback(const TargetRequest &request, const Deployment &to,
                        QObject *parent) override;
    TargetJob *list(const TargetRequest &request, QObject *parent) override;
    TargetJob *status(const TargetRequest &request, QObject *parent) override;
    TargetJob *health(const TargetRequest &request, const Deployment &deployment,
                      QObject *parent) override;

    // The deployment a live version is recorded as.
    static Deployment deploymentOf(const ReembedSetup &setup, int version);
};

void registerReembed();

} // namespace DeployDesk::Data
