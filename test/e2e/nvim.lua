-- Drives the bundled language server from headless Neovim (an independent LSP client).
-- Environment: OUTCOME_SERVER (dist/server.js), OUTCOME_DIR (a workspace), OUTCOME_FILE
-- (the file to open in it). Prints one JSON object per line, `{"step": …, …}`, and
-- exits with 1 when a step times out.
local server = os.getenv('OUTCOME_SERVER')
local dir = os.getenv('OUTCOME_DIR')
local file = os.getenv('OUTCOME_FILE')

local function say(step, value)
  io.stdout:write(vim.fn.json_encode({ step = step, value = value }) .. '\n')
end

local function fail(why)
  say('error', why)
  vim.cmd('cquit 1')
end

local client_id = vim.lsp.start_client({
  name = 'outcome-lint',
  cmd = { 'node', server, '--stdio' },
  root_dir = dir,
  workspace_folders = { { uri = vim.uri_from_fname(dir), name = 'specs' } },
})
if not client_id then fail('the server did not start') end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
vim.bo.filetype = 'outcome'
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)

-- Diagnostics
local ok = vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
if not ok then fail('no diagnostics within 10 s') end
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(diagnostics, { code = d.code, line = d.lnum, col = d.col, message = d.message })
end
say('diagnostics', diagnostics)

local function position_of(needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then return { line = i - 1, character = col - 1 } end
  end
  fail('not in the file: ' .. needle)
end

local function request(method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, 10000)
  if not responses then fail(method .. ': no answer') end
  for _, r in pairs(responses) do
    if r.err then return { error = r.err.message } end
    return r.result
  end
end

local doc = { uri = vim.uri_from_bufnr(buf) }
local at_neet = { textDocument = doc, position = position_of('for neet') }
at_neet.position.character = at_neet.position.character + 4

local hover = request('textDocument/hover', at_neet)
say('hover', hover and hover.contents and hover.contents.value or vim.NIL)

local definition = request('textDocument/definition', at_neet)
say('definition', definition)

local rename = request('textDocument/rename', { textDocument = doc, position = at_neet.position, newName = 'young_people' })
say('rename', rename)

local model_line = position_of('model results')
local actions = request('textDocument/codeAction', {
  textDocument = doc,
  range = { start = model_line, ['end'] = model_line },
  context = { diagnostics = {} },
})
local titles = {}
for _, a in ipairs(actions or {}) do table.insert(titles, a.title) end
say('codeActions', titles)

vim.lsp.stop_client(client_id)
vim.cmd('qall!')
