#pragma once

#include "data/embed/cohereoptions.h"
#include "data/embed/embedder.h"

namespace DeployDesk::Data {

// Cohere's POST /v2/embed (apis.md §4): `model`, `input_type` search_document (search_query
// for queries), `embedding_types: ["float"]`, `truncate`, at most 96 texts per call, several
// calls in flight within the inputs-per-minute budget, backing off with jitter on 429 and
// 5xx (see CohereEmbedJob). Options come from resolveCohereOptions(): the key is taken from
// the secret store through the stage's environment and masked in everything reported.
class CohereEmbedder final : public Embedder
{
public:
    explicit CohereEmbedder(CohereOptions options);

    const CohereOptions &options() const { return m_options; }
    EmbedderInfo info() const override;
    EmbedJob *embed(QStringList texts, InputType type, QObject *parent = nullptr) const override;

private:
    CohereOptions m_options;
};

} // namespace DeployDesk::Data
