console.log("ensure-tools placeholder")
