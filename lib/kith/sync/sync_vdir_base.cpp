// The base of `kith sync vdir` as a file in .kith/: JSON, keys sorted, so that the same base is
// always the same bytes (a sync with nothing to do writes nothing).
#include "kith/sync/sync_vdir_base.hpp"

#include <nlohmann/json.hpp>

#include "kith/base/error.hpp"

namespace kith {

std::string write_sync_base(const SyncBase& base) {
    nlohmann::json cards = nlohmann::json::object();
    for (const auto& [uid, entry] : base) {
        nlohmann::json fields = nlohmann::json::object();
        for (const auto& [key, values] : entry.fields) fields[key] = values;
        cards[uid] = {{"file", entry.file}, {"gone", entry.gone}, {"fields", fields}};
    }
    const nlohmann::json all = {{"kith_sync_vdir", 1}, {"cards", cards}};
    return all.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

SyncBase read_sync_base(std::string_view bytes, const std::string& path) {
    SyncBase base;
    try {
        const auto all = nlohmann::json::parse(bytes);
        if (all.at("kith_sync_vdir").get<int>() != 1) throw Error(ErrorKind::invalid, "is of another version", Location{path, 0, 0});
        for (const auto& [uid, entry] : all.at("cards").items()) {
            SyncBaseEntry& e = base[uid];
            e.file = entry.at("file").get<std::string>();
            e.gone = entry.at("gone").get<bool>();
            for (const auto& [key, values] : entry.at("fields").items()) e.fields[key] = values.get<std::vector<std::string>>();
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::invalid, std::string("does not read as a sync base: ") + e.what(), Location{path, 0, 0});
    }
    return base;
}

}  // namespace kith
