#include "ui/booking_card_dialog.h"

#include "app/cancellation.h"
#include "app/moves.h"
#include "app/notifications.h"
#include "app/planning.h"
#include "app/settings.h"
#include "domain/errors.h"
#include "ui/desk_print.h"
#include "ui/desk_refund_dialog.h"
#include "ui/format.h"
#include "ui/move_dialog.h"
#include "ui/sale_dialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <algorithm>

namespace narcisse::ui {
namespace {

const wxString kDot = wxString::FromUTF8(" · ");

wxString Utf8(const std::string& s) { return wxString::FromUTF8(s); }

wxString ActionLabel(app::BookingAction a)
{
    switch (a) {
    case app::BookingAction::Board: return _("&Board");
    case app::BookingAction::NoShow: return _("&No-show");
    case app::BookingAction::Cancel: return _("&Cancel…");
    case app::BookingAction::Refund: return _("&Refund…");
    case app::BookingAction::Move: return _("&Move…");
    case app::BookingAction::Collect: return _("C&ollect…");
    case app::BookingAction::ResendConfirmation: return _("Re&send confirmation");
    case app::BookingAction::Reprint: return _("Re&print receipt");
    }
    return {};
}

wxString FormatInstant(const Session& session, domain::Instant at)
{
    const domain::BusinessZone zone = session.zone ? *session.zone : domain::BusinessZone();
    const domain::LocalDate date = zone.localDate(at);
    return wxString::Format("%s %s", ToWxDate(date).FormatISODate(), FormatWallTime(zone.localMinutes(at)));
}

wxListCtrl* MakeList(wxWindow* parent, std::initializer_list<std::pair<wxString, int>> columns, int height)
{
    auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(-1, height)),
                                wxLC_REPORT | wxLC_SINGLE_SEL);
    for (const auto& [title, width] : columns) list->AppendColumn(title, wxLIST_FORMAT_LEFT, parent->FromDIP(width));
    return list;
}

wxString PaymentStatusName(domain::PaymentStatus status)
{
    switch (status) {
    case domain::PaymentStatus::Pending: return _("waiting for the provider");
    case domain::PaymentStatus::Succeeded: return _("paid");
    case domain::PaymentStatus::Failed: return _("failed");
    }
    return {};
}

}  // namespace

wxString AuditActionName(const std::string& action)
{
    static const std::pair<const char*, const char*> kNames[] = {
        {"booking.sell", wxTRANSLATE("Sold")},
        {"booking.collect", wxTRANSLATE("Payment collected")},
        {"booking.board", wxTRANSLATE("Boarded")},
        {"booking.no_show", wxTRANSLATE("No-show")},
        {"booking.cancel", wxTRANSLATE("Cancelled")},
        {"booking.refund", wxTRANSLATE("Refunded")},
        {"booking.move", wxTRANSLATE("Moved")},
        {"booking.confirmation", wxTRANSLATE("Confirmation e-mail")},
        {"booking.end_of_day", wxTRANSLATE("End of day")},
    };
    for (const auto& [code, name] : kNames)
        if (action == code) return wxGetTranslation(name);
    // An action this screen does not know yet: its last word, readable ("closure.apply" → "Apply").
    wxString word = wxString::FromUTF8(action).AfterLast('.');
    word.Replace("_", " ");
    if (!word.empty()) word[0] = wxToupper(word[0]);
    return word;
}

wxString WithStateNames(const wxString& text)
{
    using S = domain::BookingState;
    wxString out = text;
    for (S state : {S::Pending, S::Confirmed, S::Cancelled, S::Expired, S::Embarqued, S::Completed, S::NoShow}) {
        const wxString code = wxString::FromUTF8(std::string(domain::toString(state)));
        const wxString name = StateName(state).Lower();
        // Whole words only: a name or a note that merely contains the letters stays as it is.
        for (size_t at = out.find(code); at != wxString::npos; at = out.find(code, at)) {
            const bool startsWord = at == 0 || !wxIsalnum(out[at - 1]);
            const bool endsWord = at + code.length() >= out.length() || !(wxIsalnum(out[at + code.length()]) || out[at + code.length()] == '_');
            if (startsWord && endsWord) {
                out.replace(at, code.length(), name);
                at += name.length();
            } else {
                at += code.length();
            }
        }
    }
    return out;
}

wxString PaymentMethodName(domain::PaymentMethod method)
{
    switch (method) {
    case domain::PaymentMethod::Cash: return _("Cash");
    case domain::PaymentMethod::Card: return _("Card");
    case domain::PaymentMethod::Voucher: return _("Gift voucher");
    case domain::PaymentMethod::Stripe: return _("Online (Stripe)");
    case domain::PaymentMethod::PayPal: return _("Online (PayPal)");
    }
    return {};
}

BookingCardDialog* ShowBookingCard(wxWindow* parent, std::shared_ptr<Session> session, const domain::PublicRef& ref)
{
    auto* card = new BookingCardDialog(parent, std::move(session), ref);
    card->wxDialog::Show();
    return card;
}

BookingCardDialog::BookingCardDialog(wxWindow* parent, std::shared_ptr<Session> session, const domain::PublicRef& ref)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Booking %s"), Utf8(ref.str())), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session)), m_ref(ref)
{
    Build();
    Reload();
}

void BookingCardDialog::Build()
{
    const int gap = FromDIP(12);
    m_title = new wxStaticText(this, wxID_ANY, _("Loading…"));
    wxFont title = GetFont().Bold();
    title.SetPointSize(18);
    m_title->SetFont(title);
    m_facts = new wxStaticText(this, wxID_ANY, wxString());
    m_money = new wxStaticText(this, wxID_ANY, wxString());
    wxFont money = GetFont().Bold();
    money.SetPointSize(13);
    m_money->SetFont(money);

    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    for (auto action : {app::BookingAction::Board, app::BookingAction::Collect, app::BookingAction::NoShow,
                        app::BookingAction::Move, app::BookingAction::Cancel, app::BookingAction::Refund,
                        app::BookingAction::Reprint, app::BookingAction::ResendConfirmation}) {
        auto* b = new wxButton(this, wxID_ANY, ActionLabel(action));
        b->Disable();
        b->Bind(wxEVT_BUTTON, [this, action](wxCommandEvent&) { Run(action); });
        buttons->Add(b, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, FromDIP(6)));
        m_buttons[action] = b;
    }
    m_buttons[app::BookingAction::ResendConfirmation]->SetToolTip(
        _("E-mail the booking's confirmation to the customer again, in their language"));

    m_payments = MakeList(this, {{_("When"), 130}, {_("What"), 150}, {_("Amount"), 100}, {_("Note"), 240}}, 110);
    m_history = MakeList(this, {{_("When"), 130}, {_("Action"), 130}, {_("Details"), 520}}, 150);
    m_receipts = MakeList(this, {{_("Receipt number"), 160}}, 80);
    m_receipts->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { Reprint(); });
    m_message = new wxStaticText(this, wxID_ANY, wxString());
    m_message->SetFont(GetFont().Bold());

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(m_title, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    top->Add(m_facts, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    top->Add(m_money, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    top->Add(m_message, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
    auto section = [&](const wxString& label, wxWindow* list, int proportion) {
        auto* heading = new wxStaticText(this, wxID_ANY, label);
        heading->SetFont(GetFont().Bold());
        top->Add(heading, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
        top->Add(list, wxSizerFlags(proportion).Expand().Border(wxLEFT | wxRIGHT, gap));
    };
    section(_("Payments and refunds"), m_payments, 1);
    section(_("History"), m_history, 2);
    section(_("Receipts (Enter: print a duplicate)"), m_receipts, 1);
    auto* close = new wxButton(this, wxID_CLOSE, _("Close (Esc)"));
    top->Add(close, wxSizerFlags().Right().Border(wxALL, gap));
    SetEscapeId(wxID_CLOSE);
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
    // Esc closes the card wherever the focus is, also once an action disabled the focused button.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE && !e.HasAnyModifiers() && !m_busy) return static_cast<void>(Close());
        e.Skip();
    });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
    SetSizer(top);
    SetSize(FromDIP(wxSize(820, 760)));
}

void BookingCardDialog::Reload()
{
    m_busy = true;
    const auto clock = m_session->clock;
    RunOnWorker(
        *m_session->worker, this,
        [clock, ref = m_ref](domain::Store& store) { return app::loadBookingCard(store, *clock, ref); },
        [](BookingCardDialog& d, app::BookingCard card) { d.Display(std::move(card)); },
        [](BookingCardDialog& d, const Failure& f) { d.Failed(f); });
}

void BookingCardDialog::Display(app::BookingCard card)
{
    m_busy = false;
    const auto& s = card.summary;
    const auto& b = s.booking;
    m_title->SetLabel(Utf8(b.ref.str()) + kDot + StateName(b.state));
    wxString facts = wxString::Format(_("Departure: %s on %s"), Utf8(s.departure), Utf8(s.boatName)) + "\n" +
                     wxString::Format(_("Party: %s"), PartyLong(b.party)) + "\n" +
                     wxString::Format(_("Channel: %s · language: %s"), ChannelName(b.channel), LanguageName(b.language));
    if (card.customer) {
        wxString who = Utf8(card.customer->name);
        if (!card.customer->phone.empty()) who += kDot + Utf8(card.customer->phone);
        if (!card.customer->email.empty()) who += kDot + Utf8(card.customer->email);
        facts += "\n" + wxString::Format(_("Customer: %s"), who);
    } else if (!b.customerName.empty()) {
        facts += "\n" + wxString::Format(_("Customer: %s"), Utf8(b.customerName));
    }
    m_facts->SetLabel(facts);
    domain::Money paid = domain::Money::zero();
    for (const auto& p : card.payments)
        if (p.status == domain::PaymentStatus::Succeeded) paid += p.amount;
    for (const auto& r : card.refunds) paid -= r.amount;
    // TRANSLATORS: the booking card's money line: total, paid (less refunds), still due
    m_money->SetLabel(wxString::Format(_("Total %s · paid %s · due %s"), FormatMoney(b.total), FormatMoney(paid),
                                       FormatMoney(s.due)));
    m_money->SetForegroundColour(s.due.cents() > 0 ? wxColour(0xC0, 0x4A, 0x00) : wxColour(0x1E, 0x7B, 0x34));

    m_payments->DeleteAllItems();
    for (const auto& p : card.payments) {
        const long row = m_payments->InsertItem(m_payments->GetItemCount(), FormatInstant(*m_session, p.createdAt));
        m_payments->SetItem(row, 1, wxString::Format(_("Payment · %s"), PaymentMethodName(p.method)));
        m_payments->SetItem(row, 2, FormatMoney(p.amount));
        if (p.status != domain::PaymentStatus::Succeeded) m_payments->SetItem(row, 3, PaymentStatusName(p.status));
    }
    for (const auto& r : card.refunds) {
        const long row = m_payments->InsertItem(m_payments->GetItemCount(), FormatInstant(*m_session, r.createdAt));
        m_payments->SetItem(row, 1, r.method ? wxString::Format(_("Refund · %s"), PaymentMethodName(*r.method))
                                             : _("Refund · owed"));
        m_payments->SetItem(row, 2, FormatMoney(-r.amount));
        m_payments->SetItem(row, 3, Utf8(r.reason));
    }
    m_history->DeleteAllItems();
    for (const auto& e : card.history) {
        const long row = m_history->InsertItem(m_history->GetItemCount(), FormatInstant(*m_session, e.at));
        m_history->SetItem(row, 1, AuditActionName(e.action));
        m_history->SetItem(row, 2, WithStateNames(Utf8(e.details)));
    }
    m_receipts->DeleteAllItems();
    for (std::int64_t number : card.receipts) {
        const long row = m_receipts->InsertItem(m_receipts->GetItemCount(), wxString::Format("#%lld", static_cast<long long>(number)));
        m_receipts->SetItemData(row, static_cast<long>(number));
    }
    if (m_receipts->GetItemCount()) m_receipts->SetItemState(m_receipts->GetItemCount() - 1, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);

    for (auto& [action, button] : m_buttons) {
        const bool allowed = std::find(card.actions.begin(), card.actions.end(), action) != card.actions.end();
        button->Enable(allowed);
    }
    m_card = std::move(card);
    Layout();
    // A button the action disabled (Cancel, after cancelling) held the focus: Esc and Enter need a
    // focus inside the card.
    wxWindow* focus = FindFocus();
    if (!focus || wxGetTopLevelParent(focus) != this || !focus->IsEnabled()) FindWindow(wxID_CLOSE)->SetFocus();
}

void BookingCardDialog::Failed(const Failure& failure)
{
    m_busy = false;
    if (!m_card) m_title->SetLabel(_("Booking not found"));
    Say(failure.message, true);
}

void BookingCardDialog::Say(const wxString& text, bool error)
{
    // Wrapped to the card's width: a long refusal is read whole.
    m_message->SetLabelText(WithStateNames(text));
    m_message->Wrap(std::max(FromDIP(400), GetClientSize().x - FromDIP(24)));
    m_message->SetForegroundColour(error ? wxColour(0xB0, 0x1E, 0x1E) : wxColour(0x1E, 0x7B, 0x34));
    Layout();
}

wxButton* BookingCardDialog::ActionButton(app::BookingAction action) const { return m_buttons.at(action); }
wxString BookingCardDialog::MessageText() const { return m_message->GetLabelText(); }

void BookingCardDialog::Act(std::function<wxString(domain::Store&)> work)
{
    if (m_busy) return;
    m_busy = true;
    RunOnWorker(
        *m_session->worker, this, std::move(work),
        [](BookingCardDialog& d, wxString said) {
            d.Say(said, false);
            d.Reload();
            if (d.m_onChanged) d.m_onChanged();
        },
        [](BookingCardDialog& d, const Failure& f) { d.Failed(f); });
}

void BookingCardDialog::Run(app::BookingAction action)
{
    if (!m_card || m_busy) return;
    const auto clock = m_session->clock;
    std::optional<domain::Uuid> employee;
    if (m_session->employee) employee = m_session->employee->id;
    const domain::PublicRef ref = m_ref;
    const wxString who = Utf8(ref.str()) + kDot + PartyLong(m_card->summary.booking.party);
    switch (action) {
    case app::BookingAction::Board:
        return Act([clock, ref, employee](domain::Store& store) {
            const auto r = app::boardByScan(store, *clock, ref.str(), std::nullopt, employee);
            return wxString::FromUTF8(r.message);
        });
    case app::BookingAction::NoShow:
        return Act([clock, ref, employee](domain::Store& store) {
            app::markNoShow(store, *clock, ref, employee);
            return wxString::Format(_("%s marked as no-show."), Utf8(ref.str()));
        });
    case app::BookingAction::Cancel:
    case app::BookingAction::Refund: {
        const bool refund = action == app::BookingAction::Refund;
        const domain::Money paid = m_card->summary.booking.total - m_card->summary.due;
        RefundDialog form(this, who, refund, paid);
        if (form.ShowModal() != wxID_OK) return;
        try {
            if (refund) {
                app::RefundRequest request{ref, form.Amount(), form.Choice(), form.Reason(), employee};
                return Act([clock, request](domain::Store& store) {
                    app::refundBooking(store, *clock, request);
                    return wxString::Format(_("Refunded %s."), FormatMoney(request.amount));
                });
            }
            app::CancelRequest request{ref, form.Choice(), form.Reason(), employee};
            return Act([clock, request](domain::Store& store) {
                const auto r = app::cancelBooking(store, *clock, request);
                domain::Money back = domain::Money::zero();
                for (const auto& refund : r.refunds) back += refund.amount;
                return back.cents() ? wxString::Format(_("Cancelled; %s to give back."), FormatMoney(back))
                                    : wxString(_("Cancelled."));
            });
        } catch (const domain::Error&) {
            return Failed(CurrentFailure());
        }
    }
    case app::BookingAction::Move: return Move();
    case app::BookingAction::Collect: return Collect();
    case app::BookingAction::Reprint: return Reprint();
    case app::BookingAction::ResendConfirmation:
        return Act([clock, ref, employee](domain::Store& store) {
            const auto queued = app::resendConfirmation(store, *clock, ref, employee);
            // Sent now when a mail server is set up; otherwise it waits in the message log.
            auto mailer = app::configuredMailer(store);
            if (!mailer.mailer)
                return wxString::Format(_("Confirmation queued for %s: no mail server is set up, it waits in the message log."),
                                        wxString::FromUTF8(queued.recipient));
            const auto report = app::sendPendingNotifications(store, *mailer.mailer, *clock);
            return report.failed ? wxString::Format(_("The confirmation to %s could not be sent: %s"),
                                                    wxString::FromUTF8(queued.recipient),
                                                    wxString::FromUTF8(report.errors.empty() ? "" : report.errors.front()))
                                 : wxString::Format(_("Confirmation sent to %s."), wxString::FromUTF8(queued.recipient));
        });
    }
}

void BookingCardDialog::Move()
{
    // The move dialog works on a day's planning: the booking's day is read first, on the worker.
    struct Loaded {
        std::shared_ptr<const app::DayPlanning> day;
        domain::BusinessSettings settings;
    };
    m_busy = true;
    const auto clock = m_session->clock;
    const domain::BusinessZone zone = m_session->zone ? *m_session->zone : domain::BusinessZone();
    const domain::LocalDate date = zone.localDate(m_card->summary.booking.departureStart);
    RunOnWorker(
        *m_session->worker, this,
        [clock, date](domain::Store& store) {
            Loaded loaded;
            loaded.day = std::make_shared<const app::DayPlanning>(app::loadDayPlanning(store, date, clock->now()));
            store.read([&](domain::StoreReader& r) { loaded.settings = app::loadBusinessSettings(r); });
            return loaded;
        },
        [](BookingCardDialog& d, Loaded loaded) {
            d.m_busy = false;
            const auto& bookings = loaded.day->bookings;
            std::size_t index = bookings.size();
            for (std::size_t i = 0; i < bookings.size(); ++i)
                if (bookings[i].id == d.m_card->summary.booking.id) index = i;
            if (index == bookings.size()) return d.Say(_("This booking is not on its day's planning."), true);
            MoveDialog dialog(&d, loaded.day, index, loaded.settings, d.m_session->Now(), d.m_session->worker.get());
            if (dialog.ShowModal() != wxID_OK || !dialog.Day()) return;
            const auto target = dialog.Day();
            const int column = dialog.Column();
            if (column < 0 || column >= static_cast<int>(target->departures.size())) return;
            app::MoveRequest request;
            request.bookingId = d.m_card->summary.booking.id;
            request.date = target->date;
            request.time = target->departures[static_cast<std::size_t>(column)].departure.localStart;
            if (const auto row = dialog.Row(); row && *row >= 0 && *row < static_cast<int>(target->boats.size()))
                request.boatId = target->boats[static_cast<std::size_t>(*row)].id;
            if (d.m_session->employee) request.employeeId = d.m_session->employee->id;
            const auto clock = d.m_session->clock;
            d.Act([clock, request](domain::Store& store) {
                const auto r = app::moveBooking(store, *clock, request);
                return wxString::Format(_("Moved to %s."), Utf8(r.toText));
            });
        },
        [](BookingCardDialog& d, const Failure& f) { d.Failed(f); });
}

void BookingCardDialog::Collect()
{
    auto* sale = new SaleDialog(this, m_session, m_card->summary);
    sale->SetOnDone([this](const app::DeskSaleResult&) {
        Reload();
        if (m_onChanged) m_onChanged();
    });
    sale->wxDialog::Show();
}

void BookingCardDialog::Reprint()
{
    const long selected = m_receipts->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (selected < 0) return Say(_("Choose the receipt to print in the list."), true);
    const std::int64_t number = m_receipts->GetItemData(selected);
    PrintReceipt(
        this, *m_session, number, true,
        [this, number](const wxString& path) {
            m_printed = path;
            Say(wxString::Format(_("Receipt #%lld printed again (DUPLICATA)."), static_cast<long long>(number)), false);
        },
        [this](const wxString& message) { Say(message, true); });
}

}  // namespace narcisse::ui
