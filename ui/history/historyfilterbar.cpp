#include "historyfilterbar.h"

#include "ui/common/flowlayout.h"
#include "ui/common/statusstyle.h"

#include <QCalendarWidget>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <limits>

namespace DeployDesk::Ui {

namespace {
// A date edit at its minimum means "no bound" and shows "any".
const QDate kAnyDate(2000, 1, 1);

// Tab leaves the field, as in every other field of the bar. A QDateEdit moves between its
// sections with Tab instead, and showing its special value ("any") it swallows Tab, so
// Tab never got past the date fields; the sections are reached with Left and Right.
class DateFilterEdit final : public QDateEdit
{
public:
    using QDateEdit::QDateEdit;

protected:
    bool focusNextPrevChild(bool next) override { return QWidget::focusNextPrevChild(next); }
};

// Shows this month's page when the calendar of a date edit at "any" opens.
class CalendarOpensToday final : public QObject
{
public:
    CalendarOpensToday(QDateEdit *edit, QObject *parent)
        : QObject(parent)
        , m_edit(edit)
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show && m_edit->date() == kAnyDate) {
            const QDate today = QDate::currentDate();
            static_cast<QCalendarWidget *>(watched)->setCurrentPage(today.year(), today.month());
        }
        return false;
    }

private:
    QDateEdit *m_edit;
};

QDateEdit *makeDateEdit(const QString &name, QWidget *parent)
{
    auto *edit = new DateFilterEdit(parent);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kAnyDate);
    edit->setSpecialValueText(HistoryFilterBar::tr("any"));
    edit->setDate(kAnyDate);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setAccessibleName(name);
    edit->setToolTip(HistoryFilterBar::tr("%1; the lowest date means any").arg(name));
    // "any" is the lowest date, January 2000: the calendar would open there. It opens at
    // this month instead (the date stays "any" until one is picked).
    QCalendarWidget *calendar = edit->calendarWidget();
    calendar->installEventFilter(new CalendarOpensToday(edit, calendar));
    calendar->setAccessibleName(HistoryFilterBar::tr("%1 calendar").arg(name));
    for (QWidget *part : calendar->findChildren<QWidget *>()) // its month view, buttons
        if (part->accessibleName().isEmpty())
            part->setAccessibleName(calendar->accessibleName());
    return edit;
}

QDate boundOf(const QDateEdit *edit)
{
    return edit->date() == kAnyDate ? QDate() : edit->date();
}
} // namespace

HistoryFilterBar::HistoryFilterBar(QWidget *parent)
    : QWidget(parent)
{
    m_environment = new QComboBox(this);
    m_environment->setAccessibleName(tr("Environment filter"));
    m_environment->addItem(tr("Any environment"), QString());
    m_status = new QComboBox(this);
    m_status->setAccessibleName(tr("Status filter"));
    m_status->addItem(tr("Any status"), QString());
    for (RunStatus s : {RunStatus::Success, RunStatus::Failed, RunStatus::Cancelled,
                        RunStatus::Interrupted, RunStatus::Running, RunStatus::Queued})
        m_status->addItem(statusIcon(s), statusText(s), toString(s));
    auto lineEdit = [this](const QString &placeholder, const QString &name) {
        auto *edit = new QLineEdit(this);
        edit->setPlaceholderText(placeholder);
        // Wide enough for the whole placeholder beside the frame and the clear button
        // (it was cut to "Text in l…" in a 1200-pixel window).
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(placeholder) + 44);
        edit->setAccessibleName(name);
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::textChanged, this, &HistoryFilterBar::schedule);
        connect(edit, &QLineEdit::returnPressed, this, &HistoryFilterBar::applyNow);
        return edit;
    };
    m_branch = lineEdit(tr("Branch"), tr("Branch filter"));
    m_who = lineEdit(tr("Who"), tr("Triggered-by filter"));
    for (QLineEdit *edit : {m_branch, m_who})
        edit->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_grep = lineEdit(tr("Log text"), tr("Log text filter"));
    m_grep->setToolTip(tr("Runs whose logs contain this text"));
    m_from = makeDateEdit(tr("Started from"), this);
    m_to = makeDateEdit(tr("Started until"), this);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("matchCount"));
    m_count->setAccessibleName(tr("Matching runs"));
    m_clear = new QPushButton(tr("&Clear"), this);
    m_clear->setAccessibleName(tr("Clear filters"));

    // One row when the bar is wide enough, more when it is not (FlowLayout): each date
    // stays with its label, and the log-text field takes a row's spare width.
    auto *layout = new FlowLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_environment);
    layout->addWidget(m_status);
    layout->addWidget(m_branch);
    layout->addWidget(m_who);
    const auto labelled = [this, layout](const QString &text, QDateEdit *edit) {
        auto *group = new QWidget(this);
        auto *row = new QHBoxLayout(group);
        row->setContentsMargins(0, 0, 0, 0);
        auto *label = new QLabel(text, group);
        label->setBuddy(edit);
        row->addWidget(label);
        row->addWidget(edit);
        layout->addWidget(group);
    };
    labelled(tr("Fro&m"), m_from);
    labelled(tr("&To"), m_to);
    layout->addWidget(m_grep);
    layout->addWidget(m_count);
    layout->addWidget(m_clear);
    // Tab goes through the fields in the order they are shown (the dates moved into
    // their groups after the other fields were made).
    QWidget *previous = m_environment;
    for (QWidget *next : std::initializer_list<QWidget *>{m_status, m_branch, m_who, m_from, m_to,
                                                          m_grep, m_clear}) {
        setTabOrder(previous, next);
        previous = next;
    }

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &HistoryFilterBar::applyNow);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &HistoryFilterBar::schedule);
    connect(m_status, &QComboBox::currentIndexChanged, this, &HistoryFilterBar::schedule);
    connect(m_from, &QDateEdit::dateChanged, this, &HistoryFilterBar::schedule);
    connect(m_to, &QDateEdit::dateChanged, this, &HistoryFilterBar::schedule);
    connect(m_clear, &QPushButton::clicked, this, &HistoryFilterBar::clear);
}

void HistoryFilterBar::setEnvironments(const QStringList &names)
{
    const QString current = m_environment->currentData().toString();
    const QSignalBlocker blocker(m_environment);
    while (m_environment->count() > 1)
        m_environment->removeItem(1);
    for (const QString &name : names)
        m_environment->addItem(name, name);
    const int index = m_environment->findData(current);
    m_environment->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && !current.isEmpty())
        schedule(); // the environment filtered by is gone
}

RunFilter HistoryFilterBar::filter() const
{
    RunFilter f;
    f.environment = m_environment->currentData().toString();
    f.status = m_status->currentData().toString();
    f.branch = m_branch->text().trimmed();
    f.who = m_who->text().trimmed();
    f.grep = m_grep->text().trimmed();
    f.partialNames = true;
    // Dates are the user's local days, both ends included.
    if (const QDate from = boundOf(m_from); from.isValid())
        f.since = from.startOfDay().toUTC();
    if (const QDate to = boundOf(m_to); to.isValid())
        f.until = to.addDays(1).startOfDay().toUTC();
    return f;
}

void HistoryFilterBar::setMatchCount(std::optional<RunCount> count)
{
    if (!count) {
        // The last number stays, greyed, until the new one comes (no flicker when a run
        // ends).
        if (m_count->text().isEmpty())
            m_count->setText(tr("…"));
        m_count->setEnabled(false);
        m_count->setToolTip(tr("Counting the runs that match"));
        return;
    }
    m_count->setEnabled(true);
    const int n = int(std::min<qint64>(count->runs, std::numeric_limits<int>::max()));
    m_count->setText(count->capped ? tr("%n+ run(s)", nullptr, n) : tr("%n run(s)", nullptr, n));
    m_count->setToolTip(
        count->capped ? tr("At least %n run(s) match: a log search counts no further", nullptr, n)
                      : tr("%n run(s) match these filters", nullptr, n));
}

QString HistoryFilterBar::matchCountText() const
{
    return m_count->text();
}

void HistoryFilterBar::clear()
{
    m_clearing = true;
    m_environment->setCurrentIndex(0);
    m_status->setCurrentIndex(0);
    m_branch->clear();
    m_who->clear();
    m_grep->clear();
    m_from->setDate(kAnyDate);
    m_to->setDate(kAnyDate);
    m_clearing = false;
    applyNow();
}

void HistoryFilterBar::schedule()
{
    if (!m_clearing)
        m_debounce.start();
}

void HistoryFilterBar::applyNow()
{
    m_debounce.stop();
    emit filterChanged(filter());
}

} // namespace DeployDesk::Ui
