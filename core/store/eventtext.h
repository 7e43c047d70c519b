#pragma once

#include "store/records.h"

#include <QList>
#include <QString>

#include <optional>

namespace DeployDesk {

// Events are data: a kind and its parameters are stored, and the sentence is made when it
// is read, in the reader's language (the panel, the CLI and reports alike). The stable names
// of EventKind are those the history has always stored ("stage-finished", ...).
QString toString(EventKind kind);
std::optional<EventKind> eventKindFromString(const QString &text);

// The kind as a short translated label for an events table ("Stage finished").
QString eventKindText(EventKind kind);

// The event as one translated sentence. Parameters the kind knows are put into its sentence;
// an event recorded before events were data shows the text it was recorded with.
QString eventText(const EventRecord &event);

// The parameters as stored in the history (a JSON object of strings).
QString eventParamsToJson(const EventParams &params);
EventParams eventParamsFromJson(const QString &json);

// An event recorded as text (history rows from before schema step 6): the kind and
// parameters read back from its message, when it is one of the sentences DeployDesk writes
// in any language it ships (searched in the translators given). nullopt when it is not.
class EventTextParser
{
public:
    // translationFiles: the .qm files to read sentences from besides English, e.g. the
    // ones built into the program under :/i18n.
    explicit EventTextParser(const QStringList &translationFiles);
    ~EventTextParser();
    EventTextParser(const EventTextParser &) = delete;
    EventTextParser &operator=(const EventTextParser &) = delete;

    std::optional<EventParams> parse(EventKind kind, const QString &message) const;

private:
    struct Pattern;
    QList<Pattern> *m_patterns;
};

// The translation files built into the program (":/i18n/deploydesk_*.qm").
QStringList builtInTranslationFiles();

} // namespace DeployDesk
