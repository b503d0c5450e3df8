namespace Monitoring.Search.Lucene;

/// <summary>
/// An operating-system lock on <c>owner.lock</c> in the index folder, held for as long as the index is open, so
/// that one process at a time writes the folder. Lucene.Net's own <c>write.lock</c> (NativeFSLockFactory) excludes
/// a second writer only within one process on Linux: it opens its lock file shared, which .NET maps to a shared
/// <c>flock</c>, so a second process (the CLI beside the running app) got a writer of its own, and each writer
/// then deleted the other's files. This file is opened with <see cref="FileShare.None"/>: an exclusive <c>flock</c>
/// on Linux and macOS, a sharing lock on Windows. The system drops it when the process ends, even by
/// <c>kill -9</c>, so a crash leaves no stale lock (the file itself stays and means nothing).
/// </summary>
/// <remarks>.NET takes no such lock when <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> is set; do not set it.</remarks>
internal sealed class IndexFolderLock : IDisposable
{
    public const string FileName = "owner.lock";

    private readonly FileStream _file;

    private IndexFolderLock(FileStream file, string path)
    {
        _file = file;
        Path = path;
    }

    /// <summary>The lock file's full path.</summary>
    public string Path { get; }

    /// <summary>Whether the file this lock holds is still the one in the folder (not deleted with the folder).</summary>
    public bool StillInPlace => File.Exists(Path);

    /// <exception cref="IndexInUseException">Another process (or another index in this one) holds the folder.</exception>
    public static IndexFolderLock Acquire(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, FileName);
        try
        {
            return new IndexFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1), path);
        }
        catch (IOException exception) when (exception is not (DirectoryNotFoundException or PathTooLongException))
        {
            throw new IndexInUseException(folder, exception);
        }
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>
/// The search index folder is held by another writer: another process (the running app, while the CLI tries to
/// open it) or another index object in this process.
/// </summary>
public sealed class IndexInUseException : InvalidOperationException
{
    public IndexInUseException()
    {
    }

    public IndexInUseException(string message)
        : base(message)
    {
    }

    public IndexInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal IndexInUseException(string folder, IOException innerException)
        : base($"The search index in '{folder}' is already open by another process or another index object; only the process that owns the index writes it (one LuceneArticleIndex per folder, registered as a singleton).", innerException)
    {
        Folder = folder;
    }

    /// <summary>The index folder that is in use.</summary>
    public string? Folder { get; }
}
