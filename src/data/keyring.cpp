#include "data/keyring.h"

#include <libsecret/secret.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

namespace narcisse::data {

namespace {

const SecretSchema* schema() {
    static const SecretSchema s = [] {
        SecretSchema x{};
        x.name = "eu.sweet-narcisse.backoffice";
        x.flags = SECRET_SCHEMA_NONE;
        x.attributes[0] = {"service", SECRET_SCHEMA_ATTRIBUTE_STRING};
        x.attributes[1] = {"account", SECRET_SCHEMA_ATTRIBUTE_STRING};
        return x;
    }();
    return &s;
}

struct ErrorFree {
    void operator()(GError* e) const { g_error_free(e); }
};

// Without a session bus GLib would try to autolaunch one (or wait for it): say so at once instead.
std::optional<std::string> noSessionBus() {
    const char* address = std::getenv("DBUS_SESSION_BUS_ADDRESS");
    if (address && *address) return std::nullopt;
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    std::error_code ec;
    if (runtime && *runtime && std::filesystem::exists(std::filesystem::path(runtime) / "bus", ec)) return std::nullopt;
    return std::string("the OS keyring cannot be reached: there is no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not "
                       "set), as on a headless server or in CI");
}

[[noreturn]] void unavailable(GError* raw) {
    std::unique_ptr<GError, ErrorFree> error(raw);
    throw KeyringUnavailable(std::string("the OS keyring cannot be used: ") + error->message);
}

}  // namespace

std::optional<std::string> Keyring::unavailableReason() { return noSessionBus(); }

std::optional<std::string> Keyring::lookup(std::string_view service, std::string_view account) {
    if (auto why = noSessionBus()) throw KeyringUnavailable(*why);
    const std::string s(service), a(account);
    GError* error = nullptr;
    gchar* secret = secret_password_lookup_sync(schema(), nullptr, &error, "service", s.c_str(), "account", a.c_str(),
                                                nullptr);
    if (error) unavailable(error);
    if (!secret) return std::nullopt;
    std::string out(secret);
    secret_password_free(secret);
    return out;
}

void Keyring::store(std::string_view service, std::string_view account, std::string_view label,
                    std::string_view secret) {
    if (auto why = noSessionBus()) throw KeyringUnavailable(*why);
    const std::string s(service), a(account), l(label), p(secret);
    GError* error = nullptr;
    secret_password_store_sync(schema(), SECRET_COLLECTION_DEFAULT, l.c_str(), p.c_str(), nullptr, &error, "service",
                               s.c_str(), "account", a.c_str(), nullptr);
    if (error) unavailable(error);
}

}  // namespace narcisse::data
