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
            File.WriteAllText(path, "[" + string.Join(",", Enumerable.Repeat("{\"title\":\"Kosovo\",\"text\":\"Talks resumed.\"}", 50)) + "]");
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
