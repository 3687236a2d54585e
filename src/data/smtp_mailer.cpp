#include "data/smtp_mailer.h"

#include <Poco/Environment.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

namespace narcisse::data {

namespace {

// EHLO answers one capability per line ("250-STARTTLS", "250 AUTH LOGIN PLAIN").
bool offers(const std::string& ehlo, const std::string& capability) {
    std::size_t pos = 0;
    while (pos < ehlo.size()) {
        std::size_t end = ehlo.find('\n', pos);
        if (end == std::string::npos) end = ehlo.size();
        std::string line = ehlo.substr(pos, end - pos);
        if (line.size() > 4) line = line.substr(4);   // "250-" / "250 "
        for (auto& c : line) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (line.rfind(capability, 0) == 0) return true;
        pos = end + 1;
    }
    return false;
}

Poco::Net::Context::Ptr clientContext(const std::string& caFile) {
    // Certificates are verified against the system's authorities (and the CA file of the settings,
    // if any): a mail server we cannot trust does not get the password.
    return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", caFile, Poco::Net::Context::VERIFY_RELAXED,
                                  9, true, "ALL:!ADH:!LOW:!EXP:!MD5:@STRENGTH");
}

}  // namespace

SmtpMailer::SmtpMailer(SmtpSettings settings) : m_settings(std::move(settings)) {}

void SmtpMailer::send(const domain::MailMessage& message) {
    const auto& s = m_settings;
    if (s.host.empty()) throw MailError("no mail server is set up (setting smtp_host)");
    if (s.from.empty()) throw MailError("no sender address is set up (setting smtp_from)");
    const std::string server = s.host + ":" + std::to_string(s.port);
    const Poco::Timespan timeout(static_cast<long>(s.timeout.count()), 0);
    try {
        Poco::Net::StreamSocket socket;
        socket.connect(Poco::Net::SocketAddress(s.host, s.port), timeout);
        Poco::Net::SecureSMTPClientSession session(socket);
        session.setTimeout(timeout);
        session.open();
        const std::string me = Poco::Environment::nodeName();
        std::string ehlo;
        // Asked here rather than through login() to read the capabilities it announces; an old
        // server that knows only HELO offers none, and login() falls back to HELO for it.
        if (session.sendCommand("EHLO", me, ehlo) / 100 != 2) {
            ehlo.clear();
            session.login(me);
        }
        bool secure = false;
        if (offers(ehlo, "STARTTLS")) {
            if (!session.startTLS(clientContext(s.caFile)))
                throw MailError("the mail server " + server + " offered STARTTLS but refused it");
            secure = true;
        }
        if (!s.user.empty() && s.password) {
            // After STARTTLS the capabilities are asked again (login's own EHLO).
            session.login(me, Poco::Net::SMTPClientSession::AUTH_LOGIN, s.user, *s.password);
        } else if (secure) {
            session.login(me);
        }

        Poco::Net::MailMessage mail;
        mail.setSender(Poco::Net::MailMessage::encodeWord(s.fromName) + " <" + s.from + ">");
        mail.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, message.to));
        mail.setSubject(Poco::Net::MailMessage::encodeWord(message.subject));
        mail.setContentType("text/plain; charset=UTF-8");
        // The end of DATA ("\r\n.\r\n") breaks the last line itself: a final newline of ours would
        // reach the customer as an extra empty line.
        std::string body = message.body;
        while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.pop_back();
        mail.setContent(body, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
        session.sendMessage(mail);
        session.close();
    } catch (const MailError&) {
        throw;
    } catch (const Poco::Net::SMTPException& e) {
        throw MailError("the mail server " + server + " refused the message: " + e.message());
    } catch (const Poco::Net::SSLException& e) {
        throw MailError("the secure connection to the mail server " + server + " failed: " + e.displayText());
    } catch (const Poco::TimeoutException&) {
        throw MailError("the mail server " + server + " did not answer in time");
    } catch (const Poco::Exception& e) {
        throw MailError("cannot reach the mail server " + server + ": " + e.displayText());
    }
}

}  // namespace narcisse::data
