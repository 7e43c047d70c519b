#pragma once

#include "data/embed/embedder.h"

namespace DeployDesk::Data {

// The embedded default: offline and deterministic, and LEXICAL, not semantic. A text becomes
// the hashed counts of its words, its word pairs and the character trigrams of its words
// (feature hashing with a sign bit), sublinearly weighted and L2-normalised to `dimension`.
// Texts that share words and word fragments score high; synonyms and paraphrases do not.
// The same text gives the same vector on every machine and every run (FNV-1a over NFKC
// case-folded UTF-8). Documents and queries are embedded alike.
class LocalEmbedder final : public Embedder
{
public:
    static constexpr int kDefaultDimension = 1024;
    static constexpr int kMinDimension = 16;
    static constexpr int kMaxDimension = 8192;
    // The model name an index records; a new feature scheme gets a new name.
    static constexpr char kModel[] = "deploydesk-lexical-hash-v1";

    explicit LocalEmbedder(int dimension = kDefaultDimension);

    EmbedderInfo info() const override;
    EmbedJob *embed(QStringList texts, InputType type, QObject *parent = nullptr) const override;

    // The vector of one text (the job runs this on the thread pool).
    static Embedding embedText(const QString &text, int dimension);

private:
    int m_dimension = kDefaultDimension;
};

} // namespace DeployDesk::Data
