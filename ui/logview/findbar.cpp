#include "ui/logview/findbar.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QToolButton>

namespace DeployDesk::Ui {

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Find in log"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    auto *label = new QLabel(tr("F&ind:"), this);
    m_edit = new QLineEdit(this);
    m_edit->setAccessibleName(tr("Text to find"));
    m_edit->setPlaceholderText(tr("Find in log"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    label->setBuddy(m_edit);
    m_regex = new QCheckBox(tr("Re&gex"), this);
    m_regex->setAccessibleName(tr("Regular expression"));
    m_case = new QCheckBox(tr("&Match case"), this);
    m_case->setAccessibleName(tr("Match case"));
    auto *previous = new QToolButton(this);
    previous->setArrowType(Qt::UpArrow);
    previous->setToolTip(tr("Previous match (Shift+F3)"));
    previous->setAccessibleName(tr("Previous match"));
    auto *next = new QToolButton(this);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next match (F3)"));
    next->setAccessibleName(tr("Next match"));
    m_status = new QLabel(this);
    m_status->setAccessibleName(tr("Matches"));
    m_status->setMinimumWidth(
        m_status->fontMetrics().horizontalAdvance(QStringLiteral("000,000 of 0,000,000 matches")));
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setToolTip(tr("Close (Esc)"));
    close->setAccessibleName(tr("Close find bar"));
    layout->addWidget(label);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_regex);
    layout->addWidget(m_case);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_status);
    layout->addWidget(close);

    m_typing.setSingleShot(true);
    m_typing.setInterval(kTypingDelayMs);
    connect(&m_typing, &QTimer::timeout, this, &FindBar::searchChanged);
    connect(m_edit, &QLineEdit::textEdited, &m_typing, qOverload<>(&QTimer::start));
    connect(m_regex, &QCheckBox::toggled, this, &FindBar::searchChanged);
    connect(m_case, &QCheckBox::toggled, this, &FindBar::searchChanged);
    connect(previous, &QToolButton::clicked, this, &FindBar::previousRequested);
    connect(next, &QToolButton::clicked, this, &FindBar::nextRequested);
    connect(close, &QToolButton::clicked, this, &FindBar::dismiss);
}

QString FindBar::text() const
{
    return m_edit->text();
}

bool FindBar::isRegex() const
{
    return m_regex->isChecked();
}

bool FindBar::isCaseSensitive() const
{
    return m_case->isChecked();
}

void FindBar::setSearch(const QString &text, bool regex, bool caseSensitive)
{
    const QSignalBlocker b1(m_regex);
    const QSignalBlocker b2(m_case);
    m_edit->setText(text);
    m_regex->setChecked(regex);
    m_case->setChecked(caseSensitive);
    m_typing.stop();
}

void FindBar::activate()
{
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void FindBar::setStatus(int current, int total, bool counting)
{
    const QLocale locale;
    QString text;
    if (total == 0 && !counting)
        text = tr("No matches");
    else if (current > 0)
        text = tr("%1 of %2 matches").arg(locale.toString(current), locale.toString(total));
    else
        text = tr("%1 matches").arg(locale.toString(total));
    if (counting)
        text += QStringLiteral("…");
    m_status->setText(text);
}

void FindBar::setError(const QString &message)
{
    m_status->setText(message);
}

QString FindBar::statusText() const
{
    return m_status->text();
}

void FindBar::dismiss()
{
    hide();
    emit closed();
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        dismiss();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (m_typing.isActive()) { // typed and pressed Enter at once: search first
                m_typing.stop();
                emit searchChanged();
            }
            if (key->modifiers() & Qt::ShiftModifier)
                emit previousRequested();
            else
                emit nextRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace DeployDesk::Ui
