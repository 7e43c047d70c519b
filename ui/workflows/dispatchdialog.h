#pragma once

#include "config/workflow.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QMap>

class QLabel;
class QLineEdit;

namespace DeployDesk::Ui {

// The inputs of a workflow_dispatch, as a form built from the workflow's typed inputs: a
// string or an environment in a line edit, a boolean in a check box, a choice in a combo
// box, a number in a line edit that takes only a number. Defaults are filled in; required
// inputs are marked, and the dialog does not close while one is empty or a number is not
// one (it says which and puts the keyboard there). To dispatch on GitHub it also asks for
// the branch or tag (the current branch by default); to run the workflow here it asks only
// for the inputs.
class DispatchDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DispatchDialog)

public:
    enum class Purpose { Dispatch, RunLocally };

    DispatchDialog(const Workflow &workflow, Purpose purpose, const QString &ref,
                   QWidget *parent = nullptr);
    ~DispatchDialog() override;

    Purpose purpose() const { return m_purpose; }
    // The field of input `name` (QLineEdit, QCheckBox or QComboBox); null when there is none.
    QWidget *inputField(const QString &name) const { return m_fields.value(name); }
    QLineEdit *refEdit() const { return m_ref; } // null when running locally
    QString ref() const;
    // Every input with a value, as text ("true", "3", "staging"): what is dispatched
    // (GitHub wants strings) or planned with.
    QMap<QString, QString> values() const;
    QJsonObject inputs() const;
    // Why the dialog did not close at the last accept(); empty when it did.
    QString errorText() const;

    // Closes only when every required input has a value and every number is one.
    void accept() override;

private:
    // Why the values cannot be sent, and the field to fix; empty when they can.
    QString problem(QWidget **field) const;

    Workflow m_workflow;
    Purpose m_purpose;
    QHash<QString, QWidget *> m_fields;
    QLineEdit *m_ref = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace DeployDesk::Ui
