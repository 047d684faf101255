#include "download_name.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace parley::shell {
namespace {

TEST(DownloadName, TheServersUtf8NameWinsOverItsAsciiFallback) {
    // As routes_attachments.cpp writes it for "счёт.pdf".
    EXPECT_EQ(download_file_name("attachment; filename=\"____.pdf\"; "
                                 "filename*=UTF-8''%D1%81%D1%87%D1%91%D1%82.pdf",
                                 "/api/attachments/abc"),
              "счёт.pdf");
}

TEST(DownloadName, AnExportKeepsItsQuotedName) {
    EXPECT_EQ(download_file_name("attachment; filename=\"parley-analytics-by-queue.csv\"",
                                 "/api/analytics?by=queue&format=csv"),
              "parley-analytics-by-queue.csv");
}

TEST(DownloadName, ParameterNamesAndCharsetsAreCaseInsensitive) {
    EXPECT_EQ(download_file_name("attachment; FileName*=utf-8'en'a%20b.txt", "/x"), "a b.txt");
    EXPECT_EQ(download_file_name("attachment; FILENAME=plain.txt", "/x"), "plain.txt");
}

TEST(DownloadName, NoNameEscapesTheDownloadsFolder) {
    EXPECT_EQ(download_file_name("attachment; filename*=UTF-8''..%2F..%2F.bashrc", "/x"), "bashrc");
    EXPECT_EQ(download_file_name("attachment; filename=\"..\\\\..\\\\win.ini\"", "/x"), "win.ini");
    EXPECT_EQ(download_file_name("attachment; filename=\"/etc/passwd\"", "/x"), "passwd");
}

TEST(DownloadName, ControlAndReservedCharactersAreNotKept) {
    EXPECT_EQ(safe_file_name("a\x01"
                             "b\nc:d?.txt"),
              "abc_d_.txt");
    EXPECT_EQ(safe_file_name("say \"hi\".txt"), "say _hi_.txt");
    EXPECT_EQ(safe_file_name(std::string("nul\0byte", 8)), "nulbyte");
}

TEST(DownloadName, DotsAndSpacesAtTheEndsGo) {
    EXPECT_EQ(safe_file_name(" .hidden. "), "hidden");
    EXPECT_EQ(safe_file_name(".."), "");
}

TEST(DownloadName, WithoutAUsableNameTheAddressNamesTheFile) {
    EXPECT_EQ(download_file_name("attachment; filename=\"..\"", "/api/attachments/f00d"), "f00d");
    EXPECT_EQ(download_file_name("", "/api/analytics?by=day"), "analytics");
    EXPECT_EQ(download_file_name("", "/"), "download");
}

TEST(DownloadName, ALongNameIsCutWithoutSplittingACharacter) {
    std::string name;
    for (int i = 0; i < 150; ++i) {
        name += "я";
    }
    const std::string safe = safe_file_name(name + ".txt");
    EXPECT_LE(safe.size(), 200u);
    EXPECT_EQ(safe.size() % 2, 0u) << "two bytes a letter, none cut in half";
}

TEST(DownloadName, AFileAlreadyThereIsNotOverwritten) {
    const auto folder = std::filesystem::temp_directory_path() /
                        ("parley-download-test-" +
                         std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    std::filesystem::create_directories(folder);
    EXPECT_EQ(unused_path(folder, "report.csv"), folder / "report.csv");
    std::ofstream(folder / "report.csv") << "x";
    EXPECT_EQ(unused_path(folder, "report.csv"), folder / "report (1).csv");
    std::ofstream(folder / "report (1).csv") << "x";
    EXPECT_EQ(unused_path(folder, "report.csv"), folder / "report (2).csv");
    std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace parley::shell
