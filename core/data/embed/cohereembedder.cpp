#include "data/embed/cohereembedder.h"

#include "data/embed/cohereembedjob.h"

namespace DeployDesk::Data {

CohereEmbedder::CohereEmbedder(CohereOptions options)
    : m_options(std::move(options))
{
    if (m_options.dimension == 0)
        m_options.dimension = cohereModelDimension(m_options.model).value_or(0);
}

EmbedderInfo CohereEmbedder::info() const
{
    return EmbedderInfo{QStringLiteral("cohere"), m_options.model, m_options.dimension,
                        QStringLiteral("Cosine")};
}

EmbedJob *CohereEmbedder::embed(QStringList texts, InputType type, QObject *parent) const
{
    return new CohereEmbedJob(m_options, std::move(texts), type, parent);
}

} // namespace DeployDesk::Data
