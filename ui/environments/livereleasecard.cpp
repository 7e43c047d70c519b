#include "livereleasecard.h"

#include "ui/common/statusstyle.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

namespace {
constexpr int kUrlChars = 56; // longer addresses are shortened in the middle (the link is whole)

QString shortened(const QString &url)
{
    if (url.size() <= kUrlChars)
        return url;
    return url.left(kUrlChars / 2 - 1) + QStringLiteral("…") + url.right(kUrlChars / 2 - 1);
}
} // namespace

LiveReleaseCard::LiveReleaseCard(QWidget *parent)
    : QGroupBox(parent)
{
    setObjectName(QStringLiteral("liveReleaseCard"));
    m_probe = new HealthProbe(this);
    connect(m_probe, &HealthProbe::checked, this, &LiveReleaseCard::healthChecked);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("liveSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_why = new QLabel(this);
    m_why->setWordWrap(true);
    m_why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(2);
    for (int i = 0; i < kLayers; ++i) {
        Row &row = m_rows[size_t(i)];
        row.name = new QLabel(toString(Layer(i)), this);
        row.version = new QLabel(this);
        row.version->setTextInteractionFlags(Qt::TextSelectableByMouse);
        // The version and the health wrap at their spaces in a narrow window ("down:
        // Connection refused") instead of widening it.
        row.version->setWordWrap(true);
        row.url = new QLabel(this);
        row.url->setTextFormat(Qt::RichText);
        row.url->setOpenExternalLinks(true);
        row.url->setTextInteractionFlags(Qt::TextBrowserInteraction);
        row.healthIcon = new QLabel(this);
        row.health = new QLabel(this);
        row.health->setWordWrap(true);
        grid->addWidget(row.name, i, 0);
        grid->addWidget(row.version, i, 1);
        grid->addWidget(row.url, i, 2);
        grid->addWidget(row.healthIcon, i, 3);
        grid->addWidget(row.health, i, 4);
    }
    grid->setColumnStretch(5, 1); // health right after the address
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_why);
    layout->addLayout(grid);
    setRelease({}, false, std::nullopt);
}

void LiveReleaseCard::setRelease(const QString &environment, bool isProtected,
                                 const std::optional<ReleaseRecord> &live)
{
    m_probe->cancelAll();
    setTitle(environment.isEmpty() ? tr("Live release")
             : isProtected         ? tr("Live in %1 (protected)").arg(environment)
                                   : tr("Live in %1").arg(environment));
    if (!live) {
        m_summary->setText(environment.isEmpty()
                               ? tr("This workspace has no environments.")
                               : tr("Nothing deployed to %1 yet: deploy to it from the sidebar "
                                    "or with Run > Deploy To.")
                                     .arg(environment));
        m_why->hide();
    } else {
        const QString commit =
            live->commit.isEmpty()
                ? tr("no commit")
                : (live->branch.isEmpty() ? live->commit.left(8)
                                          : tr("%1 on %2").arg(live->commit.left(8), live->branch));
        m_summary->setText(
            tr("Release %1 · run %2 · %3 · %4 by %5")
                .arg(live->id)
                .arg(live->runId)
                .arg(commit)
                .arg(QLocale().toString(live->createdAt.toLocalTime(), QLocale::ShortFormat))
                .arg(live->who.isEmpty() ? tr("unknown") : live->who));
        m_why->setText(live->why);
        m_why->setVisible(!live->why.isEmpty());
    }
    for (int i = 0; i < kLayers; ++i) {
        Row &row = m_rows[size_t(i)];
        const ReleaseLayer *layer = live ? live->layer(Layer(i)) : nullptr;
        for (QLabel *l : {row.name, row.version, row.url, row.healthIcon, row.health})
            l->setVisible(layer);
        row.address = QUrl();
        row.shown.clear();
        if (!layer)
            continue;
        const Deployment &d = layer->deployment.deployment;
        row.version->setText(tr("%1 on %2").arg(d.version, d.target));
        row.shown = d.url;
        row.address = healthAddress(d);
        if (d.url.isEmpty()) {
            row.url->setText(tr("no address"));
            row.url->setFocusPolicy(Qt::NoFocus);
            showHealth(row, HealthProbe::State::Unknown, {});
            continue;
        }
        row.url->setText(QStringLiteral("<a href=\"%1\">%2</a>")
                             .arg(d.url.toHtmlEscaped(), shortened(d.url).toHtmlEscaped()));
        row.url->setToolTip(row.address.toString() == d.url
                                ? d.url
                                : tr("%1 (health asked at %2)").arg(d.url, row.address.toString()));
        row.url->setAccessibleName(tr("%1 address").arg(toString(Layer(i))));
        row.url->setFocusPolicy(Qt::StrongFocus);
        showHealth(row, HealthProbe::State::Checking, {});
    }
    for (const Row &row : m_rows)
        if (!row.address.isEmpty())
            m_probe->check(row.address);
}

void LiveReleaseCard::healthChecked(const QUrl &url, HealthProbe::State state,
                                    const QString &detail)
{
    for (Row &row : m_rows)
        if (row.address == url)
            showHealth(row, state, detail);
}

void LiveReleaseCard::showHealth(Row &row, HealthProbe::State state, const QString &detail)
{
    QString text;
    QIcon icon;
    switch (state) {
    case HealthProbe::State::Unknown:
        text = detail.isEmpty() ? QString() : tr("not checked: %1").arg(detail);
        break;
    case HealthProbe::State::Checking:
        text = tr("checking…");
        icon = statusIcon(RunStatus::Running);
        break;
    case HealthProbe::State::Up:
        text = tr("up (%1)").arg(detail);
        icon = statusIcon(RunStatus::Success);
        break;
    case HealthProbe::State::Down:
        text = tr("down: %1").arg(detail);
        icon = statusIcon(RunStatus::Failed);
        break;
    }
    row.health->setText(text);
    row.health->setToolTip(text);
    row.healthIcon->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(16, 16));
}

QString LiveReleaseCard::summary() const
{
    return m_summary->text();
}

QString LiveReleaseCard::layerText(Layer layer) const
{
    const Row &row = m_rows[size_t(layer)];
    return row.version->isVisibleTo(this) ? row.version->text() : QString();
}

QString LiveReleaseCard::urlText(Layer layer) const
{
    const Row &row = m_rows[size_t(layer)];
    return row.version->isVisibleTo(this) ? row.shown : QString();
}

QUrl LiveReleaseCard::healthAddress(const Deployment &deployment)
{
    QUrl url(deployment.url);
    const QString path = deployment.details.value(QStringLiteral("healthPath")).toString();
    if (!path.isEmpty() && url.isValid())
        url.setPath(path.startsWith(u'/') ? path : u'/' + path);
    return url;
}

QString LiveReleaseCard::healthText(Layer layer) const
{
    return m_rows[size_t(layer)].health->text();
}

HealthProbe::State LiveReleaseCard::health(Layer layer) const
{
    const Row &row = m_rows[size_t(layer)];
    return row.address.isEmpty() ? HealthProbe::State::Unknown : m_probe->state(row.address);
}

} // namespace DeployDesk::Ui
