using Monitoring.Ingestion.Import;

namespace Monitoring.Ingestion.Tests.Import;

public sealed class ImportFileReaderTests
{
    [Fact]
    public void AFileOverTheLimit_IsRefusedUnread_WithItsSizeAndTheLimit()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("monitoring-import-").FullName, "big.json");
        try
        {
            File.WriteAllText(path, "[" + string.Join(",", Enumerable.Repeat("{\"title\":\"Kosovo\",\"text\":\"Talks resumed.\",\"source\":\"Test\"}", 50)) + "]");
            var size = new FileInfo(path).Length;

            var error = Assert.Throws<InvalidDataException>(() => ImportFileReader.Read(path, maxFileBytes: size - 1));

            Assert.Equal($"file is {size:N0} bytes, over the limit of {size - 1:N0}", error.Message);
            Assert.Equal(50, ImportFileReader.Read(path, maxFileBytes: size).Count);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void AJsonFileWithBytesThatAreNotUtf8_IsReadNotCrashedOn_AndItsOnlyRecordRefusedWithTheReason()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("monitoring-import-").FullName, "latin1.json");
        try
        {
            File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes("[{\"title\":\"Vu\u00e8i\u00e6\",\"text\":\"Beograd\",\"source\":\"Test\"}]"));

            var error = Assert.Throws<InvalidDataException>(() => ImportFileReader.Read(path));

            Assert.StartsWith("its only record is not an article: not valid UTF-8", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void TheDefaultLimit_IsAHundredMegabytes()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("monitoring-import-").FullName, "huge.jsonl");
        try
        {
            using (var file = File.Create(path))
            {
                file.SetLength((100L * 1024 * 1024) + 1); // sparse: nothing is written, the size is what is checked
            }

            var error = Assert.Throws<InvalidDataException>(() => ImportFileReader.Read(path));

            Assert.Equal("file is 104,857,601 bytes, over the limit of 104,857,600", error.Message);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
