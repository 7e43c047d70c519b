#include "comparedialog.h"

#include "comparemodel.h"
#include "store/historystore.h"
#include "ui/common/statusstyle.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

CompareDialog::CompareDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Compare runs"));
    m_model = new CompareModel(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Comparison summary"));
    m_onlyChanges = new QCheckBox(tr("&Only changes"), this);
    m_onlyChanges->setAccessibleName(tr("Show only the stages whose result changed"));
    m_view = new QTreeView(this);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAccessibleName(tr("Stages of both runs"));
    m_view->setModel(m_model);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_onlyChanges, &QCheckBox::toggled, m_model, &CompareModel::setOnlyChanges);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_onlyChanges);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(720, 420);
}

QString CompareDialog::summary() const
{
    return m_summary->text();
}

Result<void> CompareDialog::compare(const HistoryStore &store, qint64 runA, qint64 runB)
{
    if (runA > runB)
        std::swap(runA, runB);
    auto a = store.run(runA);
    auto b = store.run(runB);
    auto stagesA = store.stages(runA);
    auto stagesB = store.stages(runB);
    if (!a || !b || !stagesA || !stagesB) {
        const Error e = !a         ? a.error()
                        : !b       ? b.error()
                        : !stagesA ? stagesA.error()
                                   : stagesB.error();
        m_summary->setText(e.toString());
        return std::unexpected(e);
    }
    m_model->setRuns(*a, *stagesA, *b, *stagesB);
    const int changed = m_model->changedCount();
    m_summary->setText(
        tr("Run %1 (%2) against run %3 (%4): %n stage(s) changed result.", nullptr, changed)
            .arg(a->id)
            .arg(statusText(a->status))
            .arg(b->id)
            .arg(statusText(b->status)));
    for (int c = 0; c < CompareModel::ColumnCount; ++c)
        m_view->resizeColumnToContents(c);
    return {};
}

} // namespace DeployDesk::Ui
